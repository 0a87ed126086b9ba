package dev.zendo.outbox;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.support.TransactionSynchronization;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The events one transaction appended, written to the outbox just before it commits: first a transaction-scoped
 * advisory lock on each of their keys, taken in ascending lock id order so two writers never deadlock, then the
 * rows in append order, stamped with the time of the insert (so the relay's lag starts at the commit, not at the
 * transaction's start). The locks are held through the commit, so a key's rows get ids in commit order, and a
 * committed row of a key means every row of that key with a smaller id is committed too.
 */
final class PendingEvents implements TransactionSynchronization {

    private static final String LOCK_KEYS = "SELECT pg_advisory_xact_lock(k) FROM unnest(?::bigint[]) AS k";
    private static final String INSERT = """
            INSERT INTO outbox (event_id, topic, event_key, payload, created_at) VALUES (?, ?, ?, ?, clock_timestamp())""";

    private final Connection connection;
    private final Runnable forget;
    private final RelaySignal signal;
    private final OtherInstances otherInstances;
    private final List<PendingEvent> events = new ArrayList<>();

    PendingEvents(Connection connection, Runnable forget, RelaySignal signal, OtherInstances otherInstances) {
        this.connection = connection;
        this.forget = forget;
        this.signal = signal;
        this.otherInstances = otherInstances;
    }

    void add(PendingEvent event) {
        events.add(event);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        forget.run();
        try {
            lockKeys();
            insert();
            otherInstances.maybeWake(connection);
        } catch (SQLException e) {
            throw new DataAccessException("cannot write " + events.size() + " event(s) to the outbox: " + e.getMessage(), e);
        }
    }

    private void lockKeys() throws SQLException {
        Object[] locks = events.stream().mapToLong(PendingEvent::keyLock).distinct().sorted().boxed().toArray();
        try (PreparedStatement lock = connection.prepareStatement(LOCK_KEYS)) {
            lock.setArray(1, connection.createArrayOf("bigint", locks));
            lock.execute();
        }
    }

    private void insert() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (PendingEvent event : events) {
                insert.setObject(1, event.eventId());
                insert.setString(2, event.topic());
                insert.setString(3, event.key());
                insert.setBytes(4, event.payload());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public void afterCommit() {
        signal.wake();
    }

    @Override
    public void afterCompletion(Status status) {
        forget.run();
    }
}
