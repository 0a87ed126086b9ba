package dev.zendo.realtimeedge.origins;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.zendo.events.v1.Envelope;
import dev.zendo.platform.kafka.KafkaSettings;
import dev.zendo.platform.kafka.TopicProvisioner;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The allowed origins, deleted flag and sneak peek setting of every website, read from the retained
 * {@code zendo.websites} topic from the beginning by a consumer of its own (no group, every partition assigned). Ready
 * once it has read up to the end offsets the topic had when the node started.
 */
@Context
public class WebsiteDirectory {

    /** The websites service's lifecycle topic. */
    public static final String TOPIC = "zendo.websites";
    private static final Logger LOG = LoggerFactory.getLogger(WebsiteDirectory.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<UUID, WebsiteOrigins> websites = new ConcurrentHashMap<>();
    private final List<Consumer<UUID>> deletions = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean caughtUp;
    private volatile boolean running = true;

    WebsiteDirectory(KafkaSettings kafka, TopicProvisioner topics) {
        topics.ensure(TOPIC);
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "realtime-edge-websites-" + UUID.randomUUID()),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "edge-websites");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The website as last announced, empty when the node has never seen it created. */
    public Optional<WebsiteOrigins> website(UUID websiteId) {
        return Optional.ofNullable(websites.get(websiteId));
    }

    /** Whether the directory has read everything the topic held when the node started. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Calls {@code listener} with the id of every website deleted from now on. */
    public void onDeleted(Consumer<UUID> listener) {
        deletions.add(listener);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (running) {
                if (!caughtUp) {
                    caughtUp = ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    apply(record);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("The websites directory stopped reading {}: {}", TOPIC, e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        Envelope event;
        try {
            event = Envelope.parseFrom(record.value());
        } catch (InvalidProtocolBufferException e) {
            LOG.warn("Skipped an unreadable record at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return;
        }
        try {
            switch (event.getPayloadCase()) {
                case WEBSITE_CREATED -> websites.put(UUID.fromString(event.getWebsiteCreated().getWebsiteId()),
                        WebsiteOrigins.of(event.getWebsiteCreated().getAllowedOriginsList(),
                                event.getWebsiteCreated().getWidget()));
                case WEBSITE_UPDATED -> websites.computeIfPresent(UUID.fromString(event.getWebsiteUpdated().getWebsiteId()),
                        (id, known) -> WebsiteOrigins.of(event.getWebsiteUpdated().getAllowedOriginsList(),
                                event.getWebsiteUpdated().getWidget()).withDeleted(known.deleted()));
                case WEBSITE_DELETED -> deleted(UUID.fromString(event.getWebsiteDeleted().getWebsiteId()), true);
                case WEBSITE_RESTORED -> deleted(UUID.fromString(event.getWebsiteRestored().getWebsiteId()), false);
                default -> {
                }
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("Skipped {} event {}: {}", event.getType(), event.getEventId(), e.getMessage());
        }
    }

    private void deleted(UUID websiteId, boolean deleted) {
        websites.computeIfPresent(websiteId, (id, known) -> known.withDeleted(deleted));
        if (deleted && caughtUp) {
            deletions.forEach(listener -> listener.accept(websiteId));
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(5).toMillis());
    }
}
