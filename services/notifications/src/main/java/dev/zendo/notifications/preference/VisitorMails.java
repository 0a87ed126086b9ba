package dev.zendo.notifications.preference;

import dev.zendo.notifications.render.MailBody;
import dev.zendo.notifications.render.MailTexts;
import dev.zendo.notifications.replica.Websites;
import dev.zendo.notifications.routing.Notification;
import dev.zendo.notifications.routing.NotificationKind;
import dev.zendo.notifications.routing.Notifier;
import dev.zendo.notifications.routing.Recipient;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Sends a mail to a visitor's address that it can turn off: suppressed as {@code unsubscribed} when the address turned
 * the kind off for the website, otherwise with a footer saying why it came and a one-click unsubscribe link.
 */
@Singleton
public class VisitorMails {

    private final VisitorOptOuts optOuts;
    private final Unsubscribes unsubscribes;
    private final MailTexts texts;
    private final Notifier notifier;

    VisitorMails(VisitorOptOuts optOuts, Unsubscribes unsubscribes, MailTexts texts, Notifier notifier) {
        this.optOuts = optOuts;
        this.unsubscribes = unsubscribes;
        this.texts = texts;
        this.notifier = notifier;
    }

    /**
     * Sends {@code body} as {@code subject} to {@code email} in {@code language}, once per kind and {@code eventId},
     * the footer's reason being the kind's text {@code footer.<kind>}.
     */
    public void send(Connection connection, Websites.Website website, String language, String email, NotificationKind kind,
                     String eventId, Instant occurredAt, MailBody body, String subject) throws SQLException {
        Recipient recipient = new Recipient(null, email);
        if (optOuts.optedOut(connection, website.id(), email, kind)) {
            notifier.suppress(connection, website.id(), kind, eventId, occurredAt, recipient, "unsubscribed");
            return;
        }
        String unsubscribe = unsubscribes.visitorLink(connection, email, website.id(), kind);
        body.footerLink(texts.get(language, "footer." + kind.wire(), website.name()), texts.get(language, "footer.unsubscribe"), unsubscribe);
        notifier.send(connection, new Notification(website.id(), kind, eventId, occurredAt, recipient, body.render(subject), unsubscribe));
    }
}
