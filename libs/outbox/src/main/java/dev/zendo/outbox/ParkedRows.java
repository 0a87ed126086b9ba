package dev.zendo.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** The rows the relay parked: listed, counted in the {@code zendo.outbox.parked.rows} gauge, and retried on request. */
@Singleton
@Requires(beans = DataSource.class)
public class ParkedRows {

    private static final String LIST = """
            SELECT id, event_id, topic, event_key, attempts, parked_at, last_error FROM outbox
            WHERE parked_at IS NOT NULL AND sent_at IS NULL ORDER BY id LIMIT ?""";
    private static final String COUNT = "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND attempts > 0 AND parked_at IS NOT NULL";
    private static final String RETRY = """
            UPDATE outbox SET parked_at = NULL, retry_at = NULL, attempts = 0, last_error = NULL
            WHERE parked_at IS NOT NULL AND sent_at IS NULL AND (cardinality(?::bigint[]) = 0 OR id = ANY (?))""";

    private final TransactionOperations<Connection> transactions;
    private final RelaySignal signal;
    private final AtomicLong parked = new AtomicLong();

    ParkedRows(TransactionOperations<Connection> transactions, RelaySignal signal, MeterRegistry meters) {
        this.transactions = transactions;
        this.signal = signal;
        Gauge.builder("zendo.outbox.parked.rows", parked, AtomicLong::get).description("Outbox rows parked until an operator retries them").register(meters);
    }

    /** The first {@code limit} parked rows in outbox order. */
    public List<ParkedRow> list(int limit) {
        return transactions.executeRead(status -> {
            List<ParkedRow> rows = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement(LIST)) {
                select.setInt(1, limit);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(new ParkedRow(result.getLong(1), result.getObject(2, UUID.class), result.getString(3),
                                result.getString(4), result.getInt(5), result.getObject(6, OffsetDateTime.class).toInstant(),
                                result.getString(7)));
                    }
                }
            }
            return rows;
        });
    }

    /** Puts the parked rows {@code ids} (every parked row when empty) back in line with a fresh attempt count; returns how many. */
    public int retry(List<Long> ids) {
        int retried = transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement update = connection.prepareStatement(RETRY)) {
                Array array = connection.createArrayOf("bigint", ids.toArray());
                update.setArray(1, array);
                update.setArray(2, array);
                return update.executeUpdate();
            }
        });
        refresh();
        signal.wake();
        return retried;
    }

    /** Counts the parked rows again for the gauge. */
    void refresh() {
        parked.set(transactions.executeRead(status -> {
            try (PreparedStatement count = status.getConnection().prepareStatement(COUNT);
                 ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }));
    }
}
