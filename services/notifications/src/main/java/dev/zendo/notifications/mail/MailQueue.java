package dev.zendo.notifications.mail;

import dev.zendo.notifications.render.RenderedMail;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** Queues a mail in the caller's transaction; {@link MailDispatcher} is woken by the commit and sends it. */
@Singleton
public class MailQueue {

    private static final String ENQUEUE = """
            INSERT INTO outgoing_mail (notification_id, recipient, subject, text_body, html_body, unsubscribe_url, reply_to)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    private final MailDispatcher dispatcher;
    private final TransactionOperations<Connection> transactions;

    MailQueue(MailDispatcher dispatcher, TransactionOperations<Connection> transactions) {
        this.dispatcher = dispatcher;
        this.transactions = transactions;
    }

    /** Queues {@code mail} to {@code recipient} for notification {@code notificationId}; replies go to {@code replyTo} if set. */
    public void enqueue(Connection connection, UUID notificationId, String recipient, RenderedMail mail,
                        @Nullable String unsubscribeUrl, @Nullable String replyTo) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(ENQUEUE)) {
            insert.setObject(1, notificationId);
            insert.setString(2, recipient);
            insert.setString(3, mail.subject());
            insert.setString(4, mail.text());
            insert.setString(5, mail.html());
            insert.setString(6, unsubscribeUrl);
            insert.setString(7, replyTo);
            insert.executeUpdate();
        }
        transactions.findTransactionStatus().ifPresentOrElse(status -> status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.wake();
            }
        }), dispatcher::wake);
    }
}
