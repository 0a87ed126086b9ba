package dev.zendo.notifications.routing;

import dev.zendo.notifications.render.RenderedMail;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing to tell one recipient by email, from one event.
 *
 * @param websiteId      the website it is about, or null for an account mail
 * @param kind           what it is about
 * @param eventId        the event it comes from: with the kind, the recipient and the channel, its dedupe key
 * @param occurredAt     when that event happened
 * @param recipient      who it goes to
 * @param mail           the rendered mail
 * @param unsubscribeUrl where the recipient stops this kind of mail (List-Unsubscribe), or null for security mails
 * @param replyTo        the address replies go to (Reply-To), or null for none
 */
public record Notification(@Nullable UUID websiteId, NotificationKind kind, String eventId, Instant occurredAt,
                           Recipient recipient, RenderedMail mail, @Nullable String unsubscribeUrl, @Nullable String replyTo) {

    /** A notification whose replies go nowhere in particular. */
    public Notification(@Nullable UUID websiteId, NotificationKind kind, String eventId, Instant occurredAt,
                        Recipient recipient, RenderedMail mail, @Nullable String unsubscribeUrl) {
        this(websiteId, kind, eventId, occurredAt, recipient, mail, unsubscribeUrl, null);
    }
}
