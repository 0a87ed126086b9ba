package dev.zendo.inbox;

import dev.zendo.platform.time.Pause;
import dev.zendo.platform.kafka.KafkaSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.ApplicationConfiguration;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Consumes the topics of this service's {@link EventHandler}s on its own thread, one consumer per instance in the
 * service's consumer group. Records of a partition are handled one after another; an offset is committed only after
 * the transaction that handled (or skipped, or parked) its record committed, at most once per
 * {@code zendo.inbox.commit-interval}, when its partition is taken away, and on shutdown (a commit per record was a
 * broker round trip per event; after a crash, the records since the last commit are delivered again and skipped). A
 * failed record is sought back and tried again after a backoff; unreadable records, and records whose handler failed
 * {@code zendo.inbox.max-attempts} times, are parked and the partition moves on. Trouble reaching the database counts
 * no attempt.
 */
@Singleton
@Requires(property = "zendo.inbox.enabled", notEquals = "false")
@Requires(beans = DataSource.class)
public class InboxConsumer implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(InboxConsumer.class);
    private static final Duration ABANDON_WAIT = Duration.ofSeconds(10);

    private final InboxSettings settings;
    private final KafkaSettings kafka;
    private final InboxDispatch dispatch;
    private final MeterRegistry meters;
    private final String group;
    private final Counter handled;
    private final Counter duplicates;
    private final Counter failures;
    private final Counter parked;
    private final Map<TopicPartition, Attempts> attempts = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    private long nextCommit;

    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread worker;
    private int unreachableInARow;

    InboxConsumer(InboxSettings settings, KafkaSettings kafka, InboxDispatch dispatch, ApplicationConfiguration application, MeterRegistry meters) {
        this.settings = settings;
        this.kafka = kafka;
        this.dispatch = dispatch;
        this.meters = meters;
        this.group = settings.group() != null ? settings.group() : application.getName().orElseThrow(() ->
                new IllegalStateException("zendo.inbox.group or micronaut.application.name must name the inbox's consumer group"));
        this.handled = Counter.builder("zendo.inbox.handled").description("Events handled by the inbox").register(meters);
        this.duplicates = Counter.builder("zendo.inbox.duplicates").description("Events skipped because they were handled before").register(meters);
        this.failures = Counter.builder("zendo.inbox.failures").description("Failed attempts to handle an event, tried again").register(meters);
        this.parked = Counter.builder("zendo.inbox.parked").description("Records parked as unreadable or after too many failed attempts").register(meters);
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        if (dispatch.isEmpty()) {
            LOG.info("inbox: no event handlers, nothing to consume");
            return;
        }
        running = true;
        worker = new Thread(this::consume, "inbox-consumer");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops consuming: the record in flight gets the drain timeout to finish and be committed, else it is abandoned. */
    @PreDestroy
    synchronized void stop() throws InterruptedException {
        running = false;
        if (worker == null) {
            return;
        }
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (!join(worker, settings.drainTimeout())) {
            LOG.info("inbox: abandoning the record in flight; it is consumed again on the next start");
            worker.interrupt();
            join(worker, ABANDON_WAIT);
        }
    }

    private static boolean join(Thread thread, Duration timeout) throws InterruptedException {
        if (timeout.toMillis() > 0) {
            thread.join(timeout.toMillis());
        }
        return !thread.isAlive();
    }

    private void consume() {
        try (KafkaConsumer<String, byte[]> kafkaConsumer = newConsumer();
             KafkaClientMetrics clientMetrics = new KafkaClientMetrics(kafkaConsumer)) {
            clientMetrics.bindTo(meters);
            consumer = kafkaConsumer;
            ConsumerRebalanceListener committing = new CommittingOnRevoke(kafkaConsumer);
            if (dispatch.hasPatterns()) {
                kafkaConsumer.subscribe(dispatch.subscription(), committing);
            } else {
                kafkaConsumer.subscribe(dispatch.topics(), committing);
            }
            nextCommit = System.nanoTime() + settings.commitInterval().toNanos();
            try {
                while (running) {
                    Duration pause = consumeOnce(kafkaConsumer);
                    if (pause != null) {
                        Pause.upTo(pause, () -> running);
                    }
                }
            } finally {
                commit(kafkaConsumer, uncommitted.keySet());
            }
        } catch (WakeupException e) {
            LOG.debug("inbox: woken to stop");
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("inbox: the consumer stopped: {}", Failures.describe(e));
            }
        } finally {
            consumer = null;
        }
    }

    /** Polls once and settles what it got, partition by partition; returns the pause before the next poll, if any. */
    private Duration consumeOnce(KafkaConsumer<String, byte[]> kafkaConsumer) {
        ConsumerRecords<String, byte[]> records = kafkaConsumer.poll(settings.pollTimeout());
        Duration pause = null;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!running) {
                    break;
                }
                Duration retryAfter = settle(partition, record);
                if (retryAfter != null) {
                    kafkaConsumer.seek(partition, record.offset());
                    pause = pause == null || retryAfter.compareTo(pause) < 0 ? retryAfter : pause;
                    break;
                }
                uncommitted.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (System.nanoTime() - nextCommit >= 0) {
            commit(kafkaConsumer, uncommitted.keySet());
            nextCommit = System.nanoTime() + settings.commitInterval().toNanos();
        }
        return pause;
    }

    /** Handles, skips or parks {@code record}; returns null when it is settled, else the pause before trying it again. */
    private Duration settle(TopicPartition partition, ConsumerRecord<String, byte[]> record) {
        InboxEvent event;
        try {
            event = InboxEvent.read(record);
        } catch (InboxEvent.UnreadableRecord e) {
            return park(partition, record, null, 1, e.getMessage());
        }
        try {
            if (dispatch.apply(record, event)) {
                handled.increment();
            } else {
                duplicates.increment();
            }
            attempts.remove(partition);
            unreachableInARow = 0;
            return null;
        } catch (Exception e) {
            failures.increment();
            if (Failures.unreachableDatabase(e)) {
                Duration backoff = settings.backoff(++unreachableInARow);
                LOG.warn("inbox: the database is unreachable ({}); trying {} offset {} again in {} ms",
                        Failures.describe(e), partition, record.offset(), backoff.toMillis());
                return backoff;
            }
            unreachableInARow = 0;
            int attempt = attempts.getOrDefault(partition, Attempts.NONE).after(record.offset()) + 1;
            if (attempt >= settings.maxAttempts()) {
                return park(partition, record, event.eventId(), attempt, Failures.describe(e));
            }
            attempts.put(partition, new Attempts(record.offset(), attempt));
            Duration backoff = settings.backoff(attempt);
            LOG.warn("inbox: event {} ({} offset {}) failed attempt {} of {}: {}; trying again in {} ms", event.eventId(),
                    partition, record.offset(), attempt, settings.maxAttempts(), Failures.describe(e), backoff.toMillis());
            return backoff;
        }
    }

    private Duration park(TopicPartition partition, ConsumerRecord<String, byte[]> record, UUID eventId, int attempt, String error) {
        try {
            dispatch.park(record, eventId, attempt, error);
        } catch (Exception e) {
            Duration backoff = settings.backoff(++unreachableInARow);
            LOG.warn("inbox: cannot park {} offset {} ({}); trying again in {} ms", partition, record.offset(),
                    Failures.describe(e), backoff.toMillis());
            return backoff;
        }
        attempts.remove(partition);
        unreachableInARow = 0;
        parked.increment();
        LOG.warn("inbox: parked {} offset {} (key {}, event {}) after {} attempt(s): {}",
                partition, record.offset(), record.key(), eventId, attempt, error);
        return null;
    }

    /*
     * A failed commit loses nothing: the records are delivered again and skipped as processed. A wake-up to stop may
     * land in the commit; the commit is then made once more, as the wake-up is spent.
     */
    private void commit(KafkaConsumer<String, byte[]> kafkaConsumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> settled = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = uncommitted.get(partition);
            if (offset != null) {
                settled.put(partition, offset);
            }
        }
        uncommitted.keySet().removeAll(settled.keySet());
        if (settled.isEmpty()) {
            return;
        }
        try {
            try {
                kafkaConsumer.commitSync(settled);
            } catch (WakeupException e) {
                kafkaConsumer.commitSync(settled);
            }
        } catch (KafkaException e) {
            LOG.warn("inbox: cannot commit offsets ({}); their records are delivered again and skipped", Failures.describe(e));
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, group + "-inbox-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100,
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) settings.topicRefresh().toMillis()),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Commits the settled offsets of partitions taken away in a rebalance, so their next owner starts after them. */
    private final class CommittingOnRevoke implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> kafkaConsumer;

        CommittingOnRevoke(KafkaConsumer<String, byte[]> kafkaConsumer) {
            this.kafkaConsumer = kafkaConsumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commit(kafkaConsumer, partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            uncommitted.keySet().removeAll(partitions);
        }
    }

    /** The failed attempts at the record at {@code offset} of a partition. */
    private record Attempts(long offset, int count) {
        static final Attempts NONE = new Attempts(-1, 0);

        int after(long recordOffset) {
            return offset == recordOffset ? count : 0;
        }
    }
}
