package dev.zendo.conversations.conversation;

import dev.zendo.conversations.thread.ThreadStatus;
import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.jdbc.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes a conversation's row lock, under which its messages get their seq and its threads change.
 *
 * <p>Lock order, everywhere in the service: an agent's or website's routing lock first (routing takes those), then the
 * conversation row (this class), then its thread row. Never lock a conversation and then an agent, or a thread before
 * its conversation: two transactions taking them in opposite orders deadlock.
 */
@Singleton
public class ConversationLock {

    private static final String SELECT = """
            SELECT c.id, c.website_id, c.visitor_id, c.last_seq, c.current_thread_id, c.status, c.group_id, c.agent_id,
                   w.default_group_id
            FROM conversations c LEFT JOIN replica_websites w ON w.website_id = c.website_id
            """;
    private static final String LOCK = SELECT + "WHERE c.id = ? FOR UPDATE OF c";
    private static final String LOCK_VISITORS = SELECT + "WHERE c.website_id = ? AND c.visitor_id = ? FOR UPDATE OF c";

    private final Sql sql;

    ConversationLock(Sql sql) {
        this.sql = sql;
    }

    /** Locks the conversation until the transaction ends; empty when there is no such conversation. */
    public Optional<LockedConversation> lock(UUID conversationId) {
        return sql.one(LOCK, ConversationLock::locked, conversationId);
    }

    /** Locks the visitor's conversation with the website until the transaction ends; empty when it has none. */
    public Optional<LockedConversation> lockOfVisitor(UUID websiteId, UUID visitorId) {
        return sql.one(LOCK_VISITORS, ConversationLock::locked, websiteId, visitorId);
    }

    private static LockedConversation locked(ResultSet row) throws SQLException {
        return new LockedConversation(Sql.uuid(row, "id"), Sql.uuid(row, "website_id"),
                Sql.uuid(row, "visitor_id"), row.getLong("last_seq"), Sql.uuid(row, "current_thread_id"),
                ThreadStatus.valueOf(row.getString("status")), Sql.uuid(row, "group_id"), row.getString("agent_id"),
                Sql.uuid(row, "default_group_id"));
    }

    /** Locks the conversation, or answers 404 when there is no such conversation. */
    public LockedConversation require(UUID conversationId) {
        return lock(conversationId).orElseThrow(() -> ApiException.notFound("Conversation"));
    }

    /** Locks the conversation, or answers 404 when {@code websiteId} has no such conversation (another website's is none). */
    public LockedConversation require(UUID websiteId, UUID conversationId) {
        return lock(conversationId).filter(c -> c.websiteId().equals(websiteId))
                .orElseThrow(() -> ApiException.notFound("Conversation"));
    }
}
