package dev.zendo.outbox;

import dev.zendo.platform.kafka.KafkaSettings;
import dev.zendo.platform.kafka.TopicProvisioner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * Publishes outbox rows to Kafka in id order with one idempotent producer and marks them sent; woken after local
 * commits, by NOTIFY from other instances, and by a slow poll. Several instances share the rows without reordering a key.
 */
@Singleton
@Requires(property = "zendo.outbox.enabled", notEquals = "false")
@Requires(beans = DataSource.class)
public class OutboxRelay implements ApplicationEventListener<StartupEvent> {

    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration LONGEST_CLEANUP_INTERVAL = Duration.ofHours(1);
    private static final Duration ABANDON_WAIT = Duration.ofSeconds(10);
    private static final int LISTEN_SLICE_MILLIS = 250;

    private static final String CLAIM = """
            SELECT id, event_id, topic, event_key, payload,
                   (extract(epoch FROM clock_timestamp() - created_at) * 1000)::bigint
            FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""";
    /* Unsent rows before ours that we did not claim are held by another relay (or committed late): the rows of
       their keys must wait for them, or a key's events would be reordered. */
    private static final String EARLIER_UNCLAIMED = """
            SELECT topic, event_key, min(id) FROM outbox
            WHERE sent_at IS NULL AND id < ? AND id <> ALL (?) GROUP BY topic, event_key""";
    private static final String MARK_SENT = "UPDATE outbox SET sent_at = now() WHERE id = ANY (?)";
    /* Wakes relays whose rows waited for these. */
    private static final String NOTIFY = "SELECT pg_notify('" + Outbox.CHANNEL + "', '')";
    private static final String DELETE_SENT = "DELETE FROM outbox WHERE sent_at < now() - ? * interval '1 millisecond'";

    private final TransactionOperations<Connection> transactions;
    private final DataSource dataSource;
    private final KafkaSettings kafka;
    private final TopicProvisioner topics;
    private final OutboxSettings settings;
    private final RelaySignal signal;
    private final Counter published;
    private final Counter failures;
    private final Timer batches;
    private final Timer delay;

    private volatile boolean running;
    private Thread worker;
    private Thread listener;
    private KafkaProducer<String, byte[]> producer;

    OutboxRelay(TransactionOperations<Connection> transactions, DataSource dataSource, KafkaSettings kafka,
                TopicProvisioner topics, OutboxSettings settings, RelaySignal signal, MeterRegistry meters) {
        this.transactions = transactions;
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.kafka = kafka;
        this.topics = topics;
        this.settings = settings;
        this.signal = signal;
        this.published = Counter.builder("zendo.outbox.published").description("Outbox events published to Kafka").register(meters);
        this.failures = Counter.builder("zendo.outbox.failures").description("Outbox batches that failed and were retried").register(meters);
        this.batches = Timer.builder("zendo.outbox.batch").description("Claiming, publishing and marking one outbox batch").register(meters);
        this.delay = Timer.builder("zendo.outbox.delay").description("From the transaction that appended an outbox event to Kafka's acknowledgement").register(meters);
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        running = true;
        worker = start("outbox-relay", this::relay);
        listener = start("outbox-listen", this::listen);
    }

    private static Thread start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Stops the relay: the batch in flight gets the drain timeout to finish, else it is abandoned unmarked. */
    @PreDestroy
    synchronized void stop() throws InterruptedException {
        running = false;
        if (worker == null) {
            return;
        }
        signal.wake();
        boolean drained = join(worker, settings.drainTimeout());
        if (!drained) {
            LOG.info("outbox relay: abandoning the batch in flight; its events are published again on the next start");
            worker.interrupt();
            join(worker, ABANDON_WAIT);
        }
        join(listener, ABANDON_WAIT);
        if (producer != null) {
            producer.close(drained ? Duration.ofSeconds(5) : Duration.ZERO);
        }
    }

    private static boolean join(Thread thread, Duration timeout) throws InterruptedException {
        if (timeout.toMillis() > 0) {
            thread.join(timeout.toMillis());
        }
        return !thread.isAlive();
    }

    private void relay() {
        Duration backoff = Duration.ZERO;
        Duration cleanupInterval = settings.retention().compareTo(LONGEST_CLEANUP_INTERVAL) < 0 ? settings.retention() : LONGEST_CLEANUP_INTERVAL;
        long nextCleanup = System.nanoTime();
        while (running) {
            try {
                if (System.nanoTime() - nextCleanup >= 0) {
                    deleteSentRows();
                    nextCleanup = System.nanoTime() + cleanupInterval.toNanos();
                }
                boolean more = publishBatch();
                backoff = Duration.ZERO;
                if (!more) {
                    signal.await(settings.pollInterval());
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                failures.increment();
                closeProducer();
                backoff = backoff.isZero() ? FIRST_BACKOFF : min(backoff.multipliedBy(2), settings.maxBackoff());
                LOG.warn("outbox relay: {}; retrying in {} ms", e, backoff.toMillis());
                pause(backoff);
            }
        }
    }

    /** Publishes one batch; true when a full batch went out and more rows are likely waiting. */
    private boolean publishBatch() {
        long started = System.nanoTime();
        Batch batch = transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            List<OutboxRow> claimed = claim(connection);
            if (claimed.isEmpty()) {
                return Batch.EMPTY;
            }
            List<OutboxRow> ready = withoutWaitingKeys(connection, claimed);
            publish(ready, started);
            markSent(connection, ready);
            return new Batch(claimed.size(), ready.size());
        });
        if (batch.claimed() == 0) {
            return false;
        }
        published.increment(batch.published());
        batches.record(Duration.ofNanos(System.nanoTime() - started));
        return batch.claimed() == settings.batchSize() && batch.published() > 0;
    }

    private List<OutboxRow> claim(Connection connection) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(CLAIM)) {
            select.setInt(1, settings.batchSize());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new OutboxRow(result.getLong(1), result.getObject(2, UUID.class), result.getString(3),
                            result.getString(4), result.getBytes(5), result.getLong(6)));
                }
            }
        }
        return rows;
    }

    private List<OutboxRow> withoutWaitingKeys(Connection connection, List<OutboxRow> claimed) throws SQLException {
        Map<List<String>, Long> earliestElsewhere = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(EARLIER_UNCLAIMED)) {
            select.setLong(1, claimed.get(claimed.size() - 1).id());
            select.setArray(2, ids(connection, claimed));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    earliestElsewhere.put(List.of(result.getString(1), result.getString(2)), result.getLong(3));
                }
            }
        }
        if (earliestElsewhere.isEmpty()) {
            return claimed;
        }
        return claimed.stream()
                .filter(row -> earliestElsewhere.getOrDefault(List.of(row.topic(), row.key()), Long.MAX_VALUE) > row.id())
                .toList();
    }

    private void publish(List<OutboxRow> rows, long started) throws Exception {
        rows.stream().map(OutboxRow::topic).distinct().forEach(topics::ensure);
        KafkaProducer<String, byte[]> producer = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            acks.add(producer.send(row.toRecord()));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
        Duration sinceClaim = Duration.ofNanos(System.nanoTime() - started);
        rows.forEach(row -> delay.record(Duration.ofMillis(row.ageMillis()).plus(sinceClaim)));
    }

    private void markSent(Connection connection, List<OutboxRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(MARK_SENT);
             Statement notify = connection.createStatement()) {
            update.setArray(1, ids(connection, rows));
            update.executeUpdate();
            notify.execute(NOTIFY);
        }
    }

    private static Array ids(Connection connection, List<OutboxRow> rows) throws SQLException {
        return connection.createArrayOf("bigint", rows.stream().map(OutboxRow::id).toArray());
    }

    private void deleteSentRows() {
        transactions.executeWrite(status -> {
            try (PreparedStatement delete = status.getConnection().prepareStatement(DELETE_SENT)) {
                delete.setLong(1, settings.retention().toMillis());
                return delete.executeUpdate();
            }
        });
    }

    /*
     * One request in flight per partition: with more, a first request refused by a partition that is still becoming
     * leader can be overtaken by the next, and the broker then rejects the retry as out of sequence until delivery
     * times out. Records still batch while a request is in flight.
     */
    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + Outbox.CHANNEL);
                }
                signal.wake();
                awaitNotifications(connection.unwrap(PGConnection.class));
                try (Statement statement = connection.createStatement()) {
                    statement.execute("UNLISTEN *");
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("outbox relay: cannot listen for notifications ({}); polling every {} ms until it can",
                            e.getMessage(), settings.pollInterval().toMillis());
                    pause(settings.maxBackoff());
                }
            }
        }
    }

    private void awaitNotifications(PGConnection connection) throws SQLException {
        while (running) {
            PGNotification[] notifications = connection.getNotifications(LISTEN_SLICE_MILLIS);
            if (notifications != null && notifications.length > 0) {
                signal.wake();
            }
        }
    }

    /** Waits {@code pause}, or less if the relay is stopped. */
    private void pause(Duration pause) {
        long deadline = System.nanoTime() + pause.toNanos();
        try {
            for (long left = pause.toNanos(); running && left > 0; left = deadline - System.nanoTime()) {
                Thread.sleep(Math.min(Duration.ofNanos(left).toMillis() + 1, LISTEN_SLICE_MILLIS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** How many rows a batch claimed, and how many of them it published (the rest waited for another relay). */
    private record Batch(int claimed, int published) {
        static final Batch EMPTY = new Batch(0, 0);
    }
}
