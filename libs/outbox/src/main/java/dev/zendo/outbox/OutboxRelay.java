package dev.zendo.outbox;

import dev.zendo.platform.time.Pause;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Publishes outbox rows to Kafka in id order and marks them sent; woken after local commits, by NOTIFY from other
 * instances, and by a slow poll. Several instances share the rows without reordering a key. A row that fails is
 * tried again later with backoff and parked when it can never succeed; later rows of its key wait behind it.
 */
@Singleton
@Requires(property = "zendo.outbox.enabled", notEquals = "false")
@Requires(beans = DataSource.class)
public class OutboxRelay implements ApplicationEventListener<StartupEvent> {

    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    static final Duration LAG_GOAL = Duration.ofMillis(10);

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration ABANDON_WAIT = Duration.ofSeconds(10);

    private final TransactionOperations<Connection> transactions;
    private final OutboxClaim claim;
    private final OutboxPublisher publisher;
    private final OutboxMarks marks;
    private final SentRowCleanup cleanup;
    private final OutboxListener listener;
    private final ParkedRows parkedRows;
    private final OutboxSettings settings;
    private final RelaySignal signal;
    private final Counter published;
    private final Counter failures;
    private final Counter parkings;
    private final Timer batches;
    private final Timer lag;

    private volatile boolean running;
    private Thread worker;
    private Thread listening;

    OutboxRelay(TransactionOperations<Connection> transactions, OutboxClaim claim, OutboxPublisher publisher,
                OutboxMarks marks, SentRowCleanup cleanup, OutboxListener listener, ParkedRows parkedRows,
                OutboxSettings settings, RelaySignal signal, MeterRegistry meters) {
        this.transactions = transactions;
        this.claim = claim;
        this.publisher = publisher;
        this.marks = marks;
        this.cleanup = cleanup;
        this.listener = listener;
        this.parkedRows = parkedRows;
        this.settings = settings;
        this.signal = signal;
        this.published = Counter.builder("zendo.outbox.published").description("Outbox events published to Kafka").register(meters);
        this.failures = Counter.builder("zendo.outbox.failures").description("Outbox batches that failed and were retried").register(meters);
        this.parkings = Counter.builder("zendo.outbox.parked").description("Outbox rows parked after a permanent error or too many attempts").register(meters);
        this.batches = Timer.builder("zendo.outbox.batch").description("Claiming, publishing and marking one outbox batch").register(meters);
        this.lag = Timer.builder("zendo.outbox.lag")
                .description("From an outbox row's insert, just before its transaction commits, to Kafka's acknowledgement")
                .publishPercentileHistogram()
                .serviceLevelObjectives(LAG_GOAL)
                .register(meters);
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        running = true;
        worker = start("outbox-relay", this::relay);
        listening = start("outbox-listen", () -> listener.listen(() -> running));
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
        join(listening, ABANDON_WAIT);
        publisher.close(drained ? Duration.ofSeconds(5) : Duration.ZERO);
    }

    private static boolean join(Thread thread, Duration timeout) throws InterruptedException {
        if (timeout.toMillis() > 0) {
            thread.join(timeout.toMillis());
        }
        return !thread.isAlive();
    }

    private void relay() {
        int failedInARow = 0;
        while (running) {
            try {
                if (cleanup.runIfDue()) {
                    parkedRows.refresh();
                }
                Batch batch = publishBatch();
                if (batch.stalled()) {
                    throw new BrokerTrouble(batch.firstError());
                }
                failedInARow = 0;
                boolean more = batch.claimed() == settings.batchSize() && batch.published() + batch.parked() > 0;
                if (!more) {
                    signal.await(batch.nextRetry() != null && batch.nextRetry().compareTo(settings.pollInterval()) < 0
                            ? batch.nextRetry() : settings.pollInterval());
                }
            } catch (Exception | StackOverflowError e) {
                // kafka-clients can recurse without end re-splitting a batch for a topic whose record limit shrank
                if (!running) {
                    return;
                }
                failures.increment();
                publisher.close(Duration.ZERO);
                Duration backoff = settings.backoff(++failedInARow);
                LOG.warn("outbox relay: {}; retrying in {} ms", e instanceof BrokerTrouble ? e.getCause() : e, backoff.toMillis());
                Pause.upTo(backoff, () -> running);
            }
        }
    }

    /** Claims, publishes and settles one batch in one transaction. */
    private Batch publishBatch() {
        long started = System.nanoTime();
        Batch batch = transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            OutboxClaim.Claimed claimed = claim.claim(connection);
            if (claimed.count() == 0) {
                return Batch.EMPTY;
            }
            long claimedAt = System.nanoTime();
            List<OutboxRow> rows = claimed.ready();
            List<Throwable> errors = publisher.publish(rows);
            Duration sinceClaim = Duration.ofNanos(System.nanoTime() - claimedAt);
            return settle(connection, claimed.count(), rows, errors, sinceClaim);
        });
        if (batch.claimed() > 0) {
            published.increment(batch.published());
            batches.record(Duration.ofNanos(System.nanoTime() - started));
        }
        if (batch.parked() > 0) {
            parkedRows.refresh();
        }
        return batch;
    }

    /*
     * Per key, the rows before its first failure are sent; the failed row counts an attempt (when the broker took
     * something of this batch, or the error is permanent: when nothing got through, the broker is the likely
     * culprit) and is parked or tried again after a backoff; the key's later rows stay unsent behind it.
     */
    private Batch settle(Connection connection, int claimed, List<OutboxRow> rows, List<Throwable> errors, Duration sinceClaim) throws Exception {
        List<OutboxRow> sent = new ArrayList<>();
        List<Integer> failed = new ArrayList<>();
        Set<List<String>> blocked = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            if (!blocked.contains(row.topicAndKey())) {
                if (errors.get(i) == null) {
                    sent.add(row);
                } else {
                    blocked.add(row.topicAndKey());
                    failed.add(i);
                }
            }
        }
        marks.sent(connection, sent);
        sent.forEach(row -> lag.record(Duration.of(row.ageMicros(), ChronoUnit.MICROS).plus(sinceClaim)));
        int parked = 0;
        Duration nextRetry = null;
        Throwable uncounted = null;
        for (int i : failed) {
            OutboxRow row = rows.get(i);
            Throwable error = errors.get(i);
            boolean permanent = Failures.permanent(error);
            if (!permanent && sent.isEmpty()) {
                uncounted = uncounted == null ? error : uncounted;
                continue;
            }
            int attempts = row.attempts() + 1;
            boolean park = permanent || attempts >= settings.maxAttempts();
            Duration retryAfter = settings.backoff(attempts);
            marks.failed(connection, row, Failures.describe(error), retryAfter, park);
            if (!park && (nextRetry == null || retryAfter.compareTo(nextRetry) < 0)) {
                nextRetry = retryAfter;
            }
            if (park) {
                parked++;
                parkings.increment();
                LOG.warn("outbox relay: parked row {} (event {}, topic {}, key {}) after {} attempt(s): {}",
                        row.id(), row.eventId(), row.topic(), row.key(), attempts, Failures.describe(error));
            }
        }
        return new Batch(claimed, sent.size(), parked, nextRetry, uncounted);
    }

    /**
     * What became of one batch.
     *
     * @param claimed    rows claimed
     * @param published  rows Kafka acknowledged and marked sent
     * @param parked     rows parked
     * @param nextRetry  the shortest wait before a failed row of this batch may be tried again, if any
     * @param firstError a transient error left uncounted because nothing of the batch got through, if any
     */
    private record Batch(int claimed, int published, int parked, Duration nextRetry, Throwable firstError) {
        static final Batch EMPTY = new Batch(0, 0, 0, null, null);

        boolean stalled() {
            return firstError != null;
        }
    }

    /** Nothing of a batch got through, for a reason that may pass: the relay backs off as after any failure. */
    private static final class BrokerTrouble extends Exception {
        BrokerTrouble(Throwable cause) {
            super(cause);
        }
    }
}
