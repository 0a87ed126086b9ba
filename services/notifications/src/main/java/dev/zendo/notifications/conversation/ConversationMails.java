package dev.zendo.notifications.conversation;

import dev.zendo.events.v1.ActorKind;
import dev.zendo.events.v1.Envelope;
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
import dev.zendo.notifications.routing.Notifier;
import dev.zendo.notifications.routing.Recipient;
import dev.zendo.notifications.routing.Sources;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static dev.zendo.inbox.EventFields.uuid;

/**
 * Tells members about their websites' conversations by email, when they opted in: a conversation a visitor started
 * (every member who answers chats), and a conversation someone else assigned to them. The author of an event is never
 * told about it; every such mail carries a one-click unsubscribe link. Members who did not opt in are not logged.
 */
@Singleton
class ConversationMails implements SiteEventHandler {

    private final NotificationsSettings settings;
    private final Websites websites;
    private final Members members;
    private final Preferences preferences;
    private final MailTexts texts;
    private final MemberMails mails;
    private final Notifier notifier;

    ConversationMails(NotificationsSettings settings, Websites websites, Members members, Preferences preferences,
                      MailTexts texts, MemberMails mails, Notifier notifier) {
        this.settings = settings;
        this.websites = websites;
        this.members = members;
        this.preferences = preferences;
        this.texts = texts;
        this.mails = mails;
        this.notifier = notifier;
    }

    @Override
    public NotificationsSettings settings() {
        return settings;
    }

    @Override
    public void handle(Envelope event, Connection connection) throws SQLException {
        switch (event.getPayloadCase()) {
            case CONVERSATION_OPENED -> opened(event, connection);
            case CONVERSATION_ASSIGNED -> assigned(event, connection);
            default -> {
            }
        }
    }

    private void opened(Envelope event, Connection connection) throws SQLException {
        UUID websiteId = uuid("website_id", event.getWebsiteId());
        Optional<Websites.Website> website = websites.find(connection, websiteId);
        if (website.isEmpty()) {
            return;
        }
        String conversationId = event.getConversationOpened().getConversationId();
        for (Agents.Agent member : members.answering(connection, websiteId)) {
            if (!preferences.wants(connection, member.id(), websiteId, NotificationKind.NEW_CONVERSATION)) {
                continue;
            }
            String language = website.get().language();
            MailBody body = new MailBody()
                    .paragraph(texts.get(language, "new_conversation.intro", website.get().name()))
                    .button(texts.get(language, "conversation.button"), conversationLink(conversationId));
            mails.send(connection, event, website.get(), member, NotificationKind.NEW_CONVERSATION, body,
                    texts.get(language, "new_conversation.subject", website.get().name()), "footer.optional", null);
        }
    }

    private void assigned(Envelope event, Connection connection) throws SQLException {
        var assignment = event.getConversationAssigned();
        if (assignment.getAgentId().isBlank()) {
            return;
        }
        UUID websiteId = uuid("website_id", event.getWebsiteId());
        Optional<Websites.Website> website = websites.find(connection, websiteId);
        Optional<Agents.Agent> assignee = members.member(connection, websiteId, assignment.getAgentId());
        if (website.isEmpty() || assignee.isEmpty()
                || !preferences.wants(connection, assignee.get().id(), websiteId, NotificationKind.ASSIGNMENT)) {
            return;
        }
        Instant occurredAt = Sources.occurredAt(event);
        Recipient recipient = new Recipient(assignee.get().id(), assignee.get().email());
        if (event.getActor().getKind() == ActorKind.ACTOR_KIND_AGENT && event.getActor().getId().equals(assignee.get().id())) {
            notifier.suppress(connection, websiteId, NotificationKind.ASSIGNMENT, event.getEventId(), occurredAt, recipient, "self_originated");
            return;
        }
        String language = website.get().language();
        MailBody body = new MailBody()
                .paragraph(texts.get(language, "assignment.intro", website.get().name()))
                .button(texts.get(language, "conversation.button"), conversationLink(assignment.getConversationId()));
        mails.send(connection, event, website.get(), assignee.get(), NotificationKind.ASSIGNMENT, body,
                texts.get(language, "assignment.subject", website.get().name()), "footer.optional", null);
    }

    private String conversationLink(String conversationId) {
        return settings.link("/inbox/open/" + uuid("conversation_id", conversationId));
    }
}
