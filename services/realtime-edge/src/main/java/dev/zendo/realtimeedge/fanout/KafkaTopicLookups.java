package dev.zendo.realtimeedge.fanout;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.zendo.events.v1.Envelope;
import dev.zendo.platform.kafka.KafkaSettings;
import dev.zendo.platform.kafka.TopicProvisioner;
import dev.zendo.realtimeedge.config.RealtimeSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Answers {@link TopicLookups} with consumers of its own (no group; assigned only during a look-back), each used by
 * one thread: one for subscribes, one for look-backs, so that look-backs never hold up subscribes. Each broker call is
 * bounded by {@code zendo.realtime.lookup-timeout}.
 */
@Singleton
class KafkaTopicLookups implements TopicLookups {

    private static final Duration METADATA_RETRY = Duration.ofMillis(50);
    private static final Duration POLL = Duration.ofMillis(100);
    /** How many records a look-back reads at a time, newest window first. */
    private static final long WINDOW = 500;

    private final TopicProvisioner topics;
    private final Duration timeout;
    private final int lookupRecords;
    private final Worker subscribes;
    private final Worker lookBacks;
    private final Map<String, CompletableFuture<TopicBounds>> queuedBounds = new ConcurrentHashMap<>();

    KafkaTopicLookups(KafkaSettings kafka, TopicProvisioner topics, RealtimeSettings settings) {
        this.topics = topics;
        this.timeout = settings.lookupTimeout();
        this.lookupRecords = settings.lookupRecords();
        this.subscribes = new Worker(kafka, settings, "subscribes");
        this.lookBacks = new Worker(kafka, settings, "look-backs");
    }

    /**
     * Subscribes that ask for the same topic while its lookup is still queued share it: after an edge node dies,
     * thousands of clients resume on another at once, and one broker round trip each, in turn, took many seconds. A
     * request that arrives once the lookup has started waits for the next one, so the end offsets it gets are never
     * older than the cursor its client sent.
     */
    @Override
    public CompletableFuture<TopicBounds> bounds(String topic) {
        return queuedBounds.computeIfAbsent(topic, queued -> CompletableFuture.supplyAsync(() -> {
            queuedBounds.remove(topic);
            topics.ensure(topic);
            List<TopicPartition> partitions = partitions(topic);
            KafkaConsumer<byte[], byte[]> consumer = subscribes.consumer;
            return new TopicBounds(partitions, offsets(partitions, consumer.beginningOffsets(partitions, timeout)),
                    offsets(partitions, consumer.endOffsets(partitions, timeout)));
        }, subscribes.executor));
    }

    /** The partitions of a topic, waiting (within the timeout) for a topic just created to show in the metadata. */
    private List<TopicPartition> partitions(String topic) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<TopicPartition> partitions = subscribes.consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new TimeoutException("topic " + topic + " has no partitions in the broker's metadata");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(METADATA_RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TimeoutException("interrupted while waiting for topic " + topic);
            }
        }
    }

    private static long[] offsets(List<TopicPartition> partitions, Map<TopicPartition, Long> byPartition) {
        long[] offsets = new long[partitions.size()];
        for (TopicPartition partition : partitions) {
            offsets[partition.partition()] = byPartition.get(partition);
        }
        return offsets;
    }

    @Override
    public CompletableFuture<Optional<KnownConversation>> conversation(UUID websiteId, UUID conversationId) {
        return CompletableFuture.supplyAsync(() -> {
            List<PartitionInfo> partitions = lookBacks.consumer.partitionsFor(KafkaSettings.SITE_TOPIC_PREFIX + websiteId, timeout);
            if (partitions.isEmpty()) {
                return Optional.empty();
            }
            byte[] key = conversationId.toString().getBytes(StandardCharsets.UTF_8);
            TopicPartition partition = new TopicPartition(KafkaSettings.SITE_TOPIC_PREFIX + websiteId,
                    BuiltInPartitioner.partitionForKey(key, partitions.size()));
            lookBacks.consumer.assign(List.of(partition));
            try {
                long start = lookBacks.consumer.beginningOffsets(List.of(partition), timeout).get(partition);
                long end = lookBacks.consumer.endOffsets(List.of(partition), timeout).get(partition);
                long floor = Math.max(start, end - lookupRecords);
                for (long to = end; to > floor; to = Math.max(floor, to - WINDOW)) {
                    Optional<KnownConversation> found = newest(partition, Math.max(floor, to - WINDOW), to, websiteId, key);
                    if (found.isPresent()) {
                        return found;
                    }
                }
                return Optional.empty();
            } finally {
                lookBacks.consumer.unsubscribe();
            }
        }, lookBacks.executor);
    }

    /** The conversation as the newest record keyed {@code key} between the offsets {@code from} and {@code to} names it. */
    private Optional<KnownConversation> newest(TopicPartition partition, long from, long to, UUID websiteId, byte[] key) {
        lookBacks.consumer.seek(partition, from);
        KnownConversation newest = null;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lookBacks.consumer.position(partition, timeout) < to) {
            if (System.nanoTime() - deadline >= 0) {
                throw new TimeoutException("reading " + partition + " from " + from + " to " + to + " took too long");
            }
            for (ConsumerRecord<byte[], byte[]> record : lookBacks.consumer.poll(POLL)) {
                if (record.offset() < to && Arrays.equals(record.key(), key) && record.value() != null) {
                    newest = known(websiteId, record.value()).orElse(newest);
                }
            }
        }
        return Optional.ofNullable(newest);
    }

    private static Optional<KnownConversation> known(UUID websiteId, byte[] value) {
        try {
            Envelope event = Envelope.parseFrom(value);
            return event.hasVisitorId()
                    ? Optional.of(new KnownConversation(websiteId, UUID.fromString(event.getVisitorId()), event.getAccess()))
                    : Optional.empty();
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        subscribes.close();
        lookBacks.close();
    }

    /** A consumer and the one thread that uses it. */
    private static final class Worker {

        final KafkaConsumer<byte[], byte[]> consumer;
        final ExecutorService executor;

        Worker(KafkaSettings kafka, RealtimeSettings settings, String name) {
            this.consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.CLIENT_ID_CONFIG, "realtime-edge-" + name + "-" + settings.nodeId(),
                    ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.lookupTimeout().toMillis()),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            this.executor = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "edge-" + name);
                thread.setDaemon(true);
                return thread;
            });
        }

        void close() throws InterruptedException {
            consumer.wakeup();
            executor.execute(() -> consumer.close(Duration.ofSeconds(1)));
            executor.shutdown();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
