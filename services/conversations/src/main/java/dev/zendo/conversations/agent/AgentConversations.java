package dev.zendo.conversations.agent;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.conversations.access.AgentMembership;
import dev.zendo.conversations.access.ConversationAccess;
import dev.zendo.conversations.access.ConversationPermission;
import dev.zendo.conversations.conversation.ConversationService;
import dev.zendo.conversations.conversation.ConversationView;
import dev.zendo.conversations.message.ReadCursors;
import dev.zendo.conversations.message.ReaderKind;
import dev.zendo.conversations.thread.ThreadService;
import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * Finds a conversation for an agent's request, in the one order every agent endpoint checks: the caller's membership and
 * permission (404 for no member, 403 for the role), the conversation in that website (404 for another website's),
 * then whether the caller sees it (403 for an agent outside the queue and their own).
 */
@Singleton
class AgentConversations {

    private static final String VISITOR = "SELECT id, label, name, email FROM visitors WHERE id = ?";

    private final ConversationAccess access;
    private final ConversationService conversations;
    private final Visibility visibility;
    private final ThreadService threads;
    private final ReadCursors readCursors;
    private final ConversationTagsReader tags;
    private final Sql sql;

    AgentConversations(ConversationAccess access, ConversationService conversations, Visibility visibility,
                       ThreadService threads, ReadCursors readCursors, ConversationTagsReader tags, Sql sql) {
        this.access = access;
        this.conversations = conversations;
        this.visibility = visibility;
        this.threads = threads;
        this.readCursors = readCursors;
        this.tags = tags;
        this.sql = sql;
    }

    /** The conversation, when the caller holds {@code permission} and sees it. */
    @Transactional(readOnly = true)
    public Found require(AuthenticatedAgent agent, UUID websiteId, UUID conversationId, ConversationPermission permission) {
        AgentMembership member = access.require(agent, websiteId, permission);
        ConversationView conversation = conversations.find(websiteId, conversationId)
                .orElseThrow(() -> ApiException.notFound("Conversation"));
        visibility.require(member, conversation);
        return new Found(member, conversation);
    }

    /** The conversation as the caller opens it, read afresh. */
    @Transactional(readOnly = true)
    public ConversationDetails details(AgentMembership member, UUID conversationId) {
        ConversationView c = conversations.find(member.websiteId(), conversationId).orElseThrow(() -> ApiException.notFound("Conversation"));
        VisitorSummary visitor = sql.one(VISITOR, row -> new VisitorSummary(Sql.uuid(row, "id"), row.getString("label"),
                row.getString("name"), row.getString("email")), c.visitorId()).orElseThrow();
        return new ConversationDetails(c.id(), visitor, c.status(), threads.current(c.id()).orElse(null), c.agentId(),
                c.groupId(), c.lastSeq(), c.lastMessageAt(), c.lastMessagePreview(), c.createdAt(),
                readCursors.unread(c.id(), ReaderKind.AGENT, member.agentId()), tags.of(c.id()));
    }

    /** A conversation found for a member. */
    record Found(AgentMembership member, ConversationView conversation) {
    }
}
