package dev.zendo.outbox;

import dev.zendo.platform.time.Pause;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BooleanSupplier;

/** LISTENs on its outbox's channel ({@link OutboxChannel}) on its own connection; wakes this instance's relay on each notice. */
@Singleton
@Requires(beans = DataSource.class)
class OutboxListener {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxListener.class);
    private static final int LISTEN_SLICE_MILLIS = 250;

    private final DataSource dataSource;
    private final RelaySignal signal;
    private final OutboxSettings settings;

    OutboxListener(DataSource dataSource, RelaySignal signal, OutboxSettings settings) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.signal = signal;
        this.settings = settings;
    }

    /** Listens until {@code running} turns false, reconnecting after failures. */
    void listen(BooleanSupplier running) {
        while (running.getAsBoolean()) {
            try (Connection connection = dataSource.getConnection()) {
                OutboxChannel.listen(connection);
                signal.wake();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running.getAsBoolean()) {
                    PGNotification[] received = notifications.getNotifications(LISTEN_SLICE_MILLIS);
                    if (received != null && received.length > 0) {
                        signal.wake();
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("UNLISTEN *");
                }
            } catch (SQLException e) {
                if (running.getAsBoolean()) {
                    LOG.warn("outbox relay: cannot listen for notifications ({}); polling every {} ms until it can",
                            e.getMessage(), settings.pollInterval().toMillis());
                    Pause.upTo(settings.maxBackoff(), running);
                }
            }
        }
    }
}
