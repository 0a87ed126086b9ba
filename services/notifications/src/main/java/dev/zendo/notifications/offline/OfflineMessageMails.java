package dev.zendo.notifications.offline;

import dev.zendo.events.v1.ActorKind;
import dev.zendo.events.v1.Envelope;
import dev.zendo.events.v1.LeftOffline;
import dev.zendo.events.v1.MessageCreated;
import dev.zendo.notifications.NotificationsSettings;
import dev.zendo.notifications.SiteEventHandler;
import dev.zendo.notifications.preference.MemberMails;
import dev.zendo.notifications.preference.Preferences;
import dev.zendo.notifications.render.MailBody;
import dev.zendo.notifications.render.MailTexts;
import dev.zendo.notifications.replica.Agents;
import dev.zendo.notifications.replica.Members;
import dev.zendo.notifications.replica.Websites;
import dev.zendo.notifications.routing.NotificationKind;
import jakarta.inject.Singleton;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import static dev.zendo.inbox.EventFields.uuid;

/**
 * Mails a message a visitor left through the offline form to the members who answer chats (those of the thread's
 * group when it has any), unless they turned it off: the visitor's name, email and words, a link to the conversation,
 * and the visitor's address as Reply-To when it is a valid one.
 */
@Singleton
class OfflineMessageMails implements SiteEventHandler {

    private static final NotificationKind KIND = NotificationKind.OFFLINE_MESSAGE;

    private final NotificationsSettings settings;
    private final Websites websites;
    private final Members members;
    private final Preferences preferences;
    private final MailTexts texts;
    private final MemberMails mails;

    OfflineMessageMails(NotificationsSettings settings, Websites websites, Members members, Preferences preferences,
                        MailTexts texts, MemberMails mails) {
        this.settings = settings;
        this.websites = websites;
        this.members = members;
        this.preferences = preferences;
        this.texts = texts;
        this.mails = mails;
    }

    @Override
    public NotificationsSettings settings() {
        return settings;
    }

    @Override
    public void handle(Envelope event, Connection connection) throws SQLException {
        if (!event.hasMessageCreated() || !event.getMessageCreated().hasLeftOffline()
                || event.getMessageCreated().getAuthor().getKind() != ActorKind.ACTOR_KIND_VISITOR) {
            return;
        }
        UUID websiteId = uuid("website_id", event.getWebsiteId());
        Optional<Websites.Website> website = websites.find(connection, websiteId);
        if (website.isEmpty()) {
            return;
        }
        MessageCreated message = event.getMessageCreated();
        for (Agents.Agent member : members.answeringFor(connection, websiteId, event.getAccess().getGroupId())) {
            if (preferences.wants(connection, member.id(), websiteId, KIND)) {
                send(connection, event, website.get(), member, message);
            }
        }
    }

    private void send(Connection connection, Envelope event, Websites.Website website, Agents.Agent agent,
                      MessageCreated message) throws SQLException {
        LeftOffline visitor = message.getLeftOffline();
        String email = visitor.getEmail().strip();
        String name = visitor.getName().isBlank() ? email : visitor.getName().strip();
        String who = visitor.getName().isBlank() ? email : name + " (" + email + ")";
        String language = website.language();
        Optional<String> replyTo = replyTo(email);
        MailBody body = new MailBody()
                .paragraph(texts.get(language, "offline_message.intro", who, website.name()))
                .quote(name, message.getBody());
        if (replyTo.isPresent()) {
            body.paragraph(texts.get(language, "offline_message.reply", email));
        }
        body.button(texts.get(language, "conversation.button"),
                settings.link("/inbox/open/" + uuid("conversation_id", message.getConversationId())));
        mails.send(connection, event, website, agent, KIND, body, texts.get(language, "offline_message.subject", name, website.name()),
                "footer.offline_message", replyTo.orElse(null));
    }

    private static Optional<String> replyTo(String email) {
        try {
            InternetAddress address = new InternetAddress(email, true);
            return address.getPersonal() == null && email.equals(address.getAddress()) ? Optional.of(email) : Optional.empty();
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
