package dev.zendo.conversations.agent;

import dev.zendo.conversations.access.AgentMembership;
import dev.zendo.conversations.access.ConversationPermission;
import dev.zendo.conversations.conversation.ConversationView;
import dev.zendo.conversations.thread.ThreadStatus;
import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.jdbc.Sql;
import jakarta.inject.Singleton;

/**
 * Which conversations a member may see: with {@link ConversationPermission#VIEW_ALL_CONVERSATIONS} all of them,
 * otherwise the queue and their own, assigned to them now or that they wrote in.
 */
@Singleton
class Visibility {

    /** SQL: the agent bound twice after it ({@code c.agent_id = ?} first, then this) wrote in conversation {@code c}. */
    static final String TOOK_PART = "EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id "
            + "AND m.author_kind = 'AGENT' AND m.author_id = ?)";

    private static final String WROTE_IN = "SELECT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = ? "
            + "AND m.author_kind = 'AGENT' AND m.author_id = ?)";

    private final Sql sql;

    Visibility(Sql sql) {
        this.sql = sql;
    }

    /** Whether the member sees every conversation of the website. */
    static boolean seesAll(AgentMembership member) {
        return member.may(ConversationPermission.VIEW_ALL_CONVERSATIONS);
    }

    /** 403 unless the member may see the conversation. */
    void require(AgentMembership member, ConversationView conversation) {
        if (!sees(member, conversation)) {
            throw ApiException.forbidden("Agents see the queue and their own conversations only.");
        }
    }

    private boolean sees(AgentMembership member, ConversationView conversation) {
        return seesAll(member)
                || (conversation.status() == ThreadStatus.PENDING && conversation.currentThreadId() != null)
                || member.agentId().equals(conversation.agentId())
                || sql.one(WROTE_IN, row -> row.getBoolean(1), conversation.id(), member.agentId()).orElse(false);
    }
}
