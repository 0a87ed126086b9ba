package dev.zendo.notifications.preference;

import dev.zendo.events.v1.Envelope;
import dev.zendo.notifications.render.MailBody;
import dev.zendo.notifications.render.MailTexts;
import dev.zendo.notifications.replica.Agents;
import dev.zendo.notifications.replica.Websites;
import dev.zendo.notifications.routing.Notification;
import dev.zendo.notifications.routing.NotificationKind;
import dev.zendo.notifications.routing.Notifier;
import dev.zendo.notifications.routing.Recipient;
import dev.zendo.notifications.routing.Sources;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Sends a mail a member can turn off: suppressed as {@code recipient_unreachable} when the member's address cannot
 * take mail, otherwise with a footer saying why it came and a one-click unsubscribe link for its kind.
 */
@Singleton
public class MemberMails {

    private final Unsubscribes unsubscribes;
    private final MailTexts texts;
    private final Notifier notifier;

    MemberMails(Unsubscribes unsubscribes, MailTexts texts, Notifier notifier) {
        this.unsubscribes = unsubscribes;
        this.texts = texts;
        this.notifier = notifier;
    }

    /** Sends {@code body} as {@code subject} to {@code agent}, the footer's reason being the text {@code footerKey}. */
    public void send(Connection connection, Envelope event, Websites.Website website, Agents.Agent agent, NotificationKind kind,
                     MailBody body, String subject, String footerKey, @Nullable String replyTo) throws SQLException {
        Recipient recipient = new Recipient(agent.id(), agent.email());
        Instant occurredAt = Sources.occurredAt(event);
        if (!agent.reachable()) {
            notifier.suppress(connection, website.id(), kind, event.getEventId(), occurredAt, recipient, "recipient_unreachable");
            return;
        }
        String unsubscribe = unsubscribes.link(connection, agent.id(), website.id(), kind);
        String language = website.language();
        body.footerLink(texts.get(language, footerKey, website.name()), texts.get(language, "footer.unsubscribe"), unsubscribe);
        notifier.send(connection, new Notification(website.id(), kind, event.getEventId(), occurredAt, recipient,
                body.render(subject), unsubscribe, replyTo));
    }
}
