package dev.zendo.notifications.mail;

import dev.zendo.notifications.render.RenderedMail;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** Queues a mail in the caller's transaction; {@link MailDispatcher} sends it after the commit. */
@Singleton
public class MailQueue {

    private static final String ENQUEUE = """
            INSERT INTO outgoing_mail (notification_id, recipient, subject, text_body, html_body, unsubscribe_url)
            VALUES (?, ?, ?, ?, ?, ?)""";

    private final MailDispatcher dispatcher;

    MailQueue(MailDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Queues {@code mail} to {@code recipient} for notification {@code notificationId}. */
    public void enqueue(Connection connection, UUID notificationId, String recipient, RenderedMail mail,
                        @Nullable String unsubscribeUrl) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(ENQUEUE)) {
            insert.setObject(1, notificationId);
            insert.setString(2, recipient);
            insert.setString(3, mail.subject());
            insert.setString(4, mail.text());
            insert.setString(5, mail.html());
            insert.setString(6, unsubscribeUrl);
            insert.executeUpdate();
        }
        dispatcher.wake();
    }
}
