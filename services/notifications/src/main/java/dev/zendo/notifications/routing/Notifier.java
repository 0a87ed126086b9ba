package dev.zendo.notifications.routing;

import dev.zendo.notifications.mail.MailQueue;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Decides and records every notification once per dedupe key (recipient, kind, source event, channel), in the
 * caller's transaction: a replayed or duplicated event finds its key taken and sends nothing again.
 */
@Singleton
public class Notifier {

    /** The one channel built so far. */
    static final String EMAIL = "email";

    private static final String RECORD = """
            INSERT INTO notification (id, dedupe_key, website_id, kind, channel, event_id, recipient_agent_id,
                recipient_email, status, reason, occurred_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING""";

    private final MailQueue queue;

    Notifier(MailQueue queue) {
        this.queue = queue;
    }

    /** Records {@code notification} and queues its mail, unless its dedupe key was taken before. */
    public Outcome send(Connection connection, Notification notification) throws SQLException {
        UUID id = UUID.randomUUID();
        if (!record(connection, id, notification.websiteId(), notification.kind(), notification.eventId(),
                notification.occurredAt(), notification.recipient(), "queued", null)) {
            return Outcome.DUPLICATE;
        }
        queue.enqueue(connection, id, notification.recipient().email(), notification.mail(), notification.unsubscribeUrl(),
                notification.replyTo());
        return Outcome.QUEUED;
    }

    /** Records that the recipient is not told, with a machine-readable {@code reason}, unless the key was taken before. */
    public Outcome suppress(Connection connection, @Nullable UUID websiteId, NotificationKind kind, String eventId,
                            Instant occurredAt, Recipient recipient, String reason) throws SQLException {
        return record(connection, UUID.randomUUID(), websiteId, kind, eventId, occurredAt, recipient, "suppressed", reason)
                ? Outcome.SUPPRESSED : Outcome.DUPLICATE;
    }

    private static boolean record(Connection connection, UUID id, @Nullable UUID websiteId, NotificationKind kind, String eventId,
                                  Instant occurredAt, Recipient recipient, String status, @Nullable String reason) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(RECORD)) {
            insert.setObject(1, id);
            insert.setString(2, String.join("|", recipient.key(), kind.wire(), eventId, EMAIL));
            insert.setObject(3, websiteId);
            insert.setString(4, kind.wire());
            insert.setString(5, EMAIL);
            insert.setString(6, eventId);
            insert.setString(7, recipient.agentId());
            insert.setString(8, recipient.email());
            insert.setString(9, status);
            insert.setString(10, reason);
            insert.setTimestamp(11, Timestamp.from(occurredAt));
            return insert.executeUpdate() == 1;
        }
    }

    /** What became of a notification. */
    public enum Outcome {
        /** Its mail is queued for the SMTP server. */
        QUEUED,
        /** It is recorded as not sent, with a reason. */
        SUPPRESSED,
        /** Its dedupe key was taken: nothing was done again. */
        DUPLICATE
    }
}
