package dev.zendo.outbox;

import dev.zendo.platform.time.Pause;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BooleanSupplier;

/** LISTENs on its outbox's channel ({@link OutboxChannel}) on its own connection; wakes this instance's relay on each other instance's notice. */
@Singleton
@Requires(beans = DataSource.class)
class OutboxListener {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxListener.class);
    private static final int LISTEN_SLICE_MILLIS = 250;

    private final DataSource dataSource;
    private final RelaySignal signal;
    private final OutboxChannel channel;
    private final OutboxSettings settings;

    OutboxListener(DataSource dataSource, RelaySignal signal, OutboxChannel channel, OutboxSettings settings) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.signal = signal;
        this.channel = channel;
        this.settings = settings;
    }

    /** Listens until {@code running} turns false, reconnecting after failures. */
    void listen(BooleanSupplier running) {
        while (running.getAsBoolean()) {
            try (Connection connection = dataSource.getConnection()) {
                channel.listen(connection);
                signal.wake();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running.getAsBoolean()) {
                    if (channel.fromOthers(notifications.getNotifications(LISTEN_SLICE_MILLIS))) {
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
