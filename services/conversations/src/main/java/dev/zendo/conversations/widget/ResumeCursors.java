package dev.zendo.conversations.widget;

import dev.zendo.conversations.events.SiteEvents;
import dev.zendo.platform.kafka.KafkaSettings;
import dev.zendo.platform.kafka.TopicProvisioner;
import dev.zendo.platform.ratelimit.RetryLaterException;
import dev.zendo.platform.time.Pause;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Resume cursors (docs/protocol.md, "Resume cursor"): the end offset of every partition of a website's topic,
 * {@code zendo.site.<websiteId>}, as an opaque base64url text. A session reads it before its database snapshot, so
 * every event the snapshot does not reflect lies at or after the cursor. Sessions of one website that start while its
 * offsets are being read share that read (every page view of a busy website starts one): offsets read a moment before
 * a session's snapshot only replay more, which clients skip by event id.
 */
@Singleton
class ResumeCursors {

    private static final long TIMEOUT_SECONDS = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(50);
    private static final Logger LOG = LoggerFactory.getLogger(ResumeCursors.class);
    private static final String VERSION = "v1:";

    private final Admin admin;
    private final TopicProvisioner topics;
    private final InFlight<String, Map<Integer, Long>> reads = new InFlight<>();

    ResumeCursors(KafkaSettings settings, TopicProvisioner topics) {
        this.topics = topics;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
    }

    /**
     * The cursor of the website's topic as of now. A topic created a moment ago may not have its partition leaders yet:
     * retriable errors are retried until {@value #TIMEOUT_SECONDS} s have passed, then the answer is 503.
     */
    String current(UUID websiteId) {
        String topic = SiteEvents.topic(websiteId);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                topics.ensure(topic);
                return encode(reads.get(topic, () -> endOffsets(topic), TIMEOUT));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw RetryLaterException.busy(TIMEOUT);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    LOG.warn("Cannot read the end offsets of {}: {}", topic, e.getCause().toString());
                    throw RetryLaterException.busy(TIMEOUT);
                }
                Pause.upTo(RETRY_PAUSE, () -> true);
            } catch (TimeoutException | RuntimeException e) {
                LOG.warn("Cannot read the end offsets of {}: {}", topic, e.toString());
                throw RetryLaterException.busy(TIMEOUT);
            }
        }
    }

    private Map<Integer, Long> endOffsets(String topic) throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> latest = description.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return ends.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset(),
                (a, b) -> a, TreeMap::new));
    }

    /** {@code v1:<partition>=<offset>,…} in base64url without padding, partitions in order. */
    private static String encode(Map<Integer, Long> offsets) {
        String body = offsets.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        return Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + body).getBytes(StandardCharsets.UTF_8));
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
