package dev.zendo.outbox;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.support.TransactionSynchronization;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The events one transaction appended, written to the outbox just before it commits, in one statement: it first takes
 * a transaction-scoped advisory lock on each of their keys, in ascending lock id order so two writers never deadlock,
 * then inserts the rows in append order, stamped with the time of the insert (so the relay's lag starts at the commit,
 * not at the transaction's start). The locks are held through the commit, so a key's rows get ids in commit order, and
 * a committed row of a key means every row of that key with a smaller id is committed too.
 */
final class PendingEvents implements TransactionSynchronization {

    /*
     * The one-row "locked" relation is computed before the join yields its first row, so every lock is held before
     * the first id is drawn; unnest yields the sorted lock ids, and the events, in array order.
     */
    private static final String WRITE = """
            INSERT INTO outbox (event_id, topic, event_key, payload, created_at)
            SELECT e.event_id, e.topic, e.event_key, e.payload, clock_timestamp()
            FROM (SELECT count(pg_advisory_xact_lock(k)) FROM unnest(?::bigint[]) AS k) AS locked,
                 unnest(?::uuid[], ?::text[], ?::text[], ?::bytea[]) WITH ORDINALITY AS e(event_id, topic, event_key, payload, n)
            ORDER BY e.n""";

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
            write();
            otherInstances.maybeWake(connection);
        } catch (SQLException e) {
            throw new DataAccessException("cannot write " + events.size() + " event(s) to the outbox: " + e.getMessage(), e);
        }
    }

    private void write() throws SQLException {
        Object[] locks = events.stream().mapToLong(PendingEvent::keyLock).distinct().sorted().boxed().toArray();
        try (PreparedStatement write = connection.prepareStatement(WRITE)) {
            write.setArray(1, connection.createArrayOf("bigint", locks));
            write.setArray(2, connection.createArrayOf("uuid", events.stream().map(PendingEvent::eventId).toArray()));
            write.setArray(3, connection.createArrayOf("text", events.stream().map(PendingEvent::topic).toArray()));
            write.setArray(4, connection.createArrayOf("text", events.stream().map(PendingEvent::key).toArray()));
            write.setArray(5, connection.createArrayOf("bytea", events.stream().map(PendingEvent::payload).toArray(byte[][]::new)));
            write.executeUpdate();
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
