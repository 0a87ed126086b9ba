package dev.zendo.notifications.webhook.delivery;

import dev.zendo.notifications.NotificationsSettings;
import dev.zendo.notifications.render.MailBody;
import dev.zendo.notifications.render.MailTexts;
import dev.zendo.notifications.replica.Agents;
import dev.zendo.notifications.replica.Members;
import dev.zendo.notifications.replica.Websites;
import dev.zendo.notifications.routing.Notification;
import dev.zendo.notifications.routing.NotificationKind;
import dev.zendo.notifications.routing.Notifier;
import dev.zendo.notifications.routing.Recipient;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Tells a website's owners and admins, once per disabling, that one of its webhooks was turned off and why. */
@Singleton
class DisabledWebhookMail {

    private final NotificationsSettings settings;
    private final Websites websites;
    private final Members members;
    private final MailTexts texts;
    private final Notifier notifier;

    DisabledWebhookMail(NotificationsSettings settings, Websites websites, Members members, MailTexts texts, Notifier notifier) {
        this.settings = settings;
        this.websites = websites;
        this.members = members;
        this.texts = texts;
        this.notifier = notifier;
    }

    /** Queues the mail in the caller's transaction, the one that disabled the subscription to {@code url}. */
    void send(Connection connection, UUID websiteId, UUID subscriptionId, String url, int failures) throws SQLException {
        Optional<Websites.Website> website = websites.find(connection, websiteId);
        if (website.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        String occurrence = "webhook-disabled:" + subscriptionId + ":" + now.toEpochMilli();
        String language = website.get().language();
        for (Agents.Agent manager : members.managers(connection, websiteId)) {
            if (!manager.reachable()) {
                continue;
            }
            MailBody body = new MailBody()
                    .paragraph(texts.get(language, "webhook_disabled.intro", url, website.get().name(), failures))
                    .paragraph(texts.get(language, "webhook_disabled.next"))
                    .button(texts.get(language, "webhook_disabled.button"), settings.link("/settings"))
                    .footer(texts.get(language, "footer.account", manager.email()));
            notifier.send(connection, new Notification(websiteId, NotificationKind.WEBHOOK_DISABLED, occurrence, now,
                    new Recipient(manager.id(), manager.email()), body.render(texts.get(language, "webhook_disabled.subject", website.get().name())), null));
        }
    }
}
