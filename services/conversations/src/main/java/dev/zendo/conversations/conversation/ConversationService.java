package dev.zendo.conversations.conversation;

import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Conversations: one per visitor per website, opened on first need, read only within their website. */
@Singleton
public class ConversationService {

    private static final String OPEN = """
            INSERT INTO conversations (id, website_id, visitor_id, status, last_message_at, created_at, updated_at)
            SELECT ?, v.website_id, v.id, 'CLOSED', ?, ?, ? FROM visitors v WHERE v.id = ? AND v.website_id = ?
            ON CONFLICT (website_id, visitor_id) DO NOTHING""";
    private static final String OF_VISITOR = "SELECT " + ConversationView.COLUMNS
            + " FROM conversations WHERE website_id = ? AND visitor_id = ?";
    private static final String FIND = "SELECT " + ConversationView.COLUMNS
            + " FROM conversations WHERE id = ? AND website_id = ?";

    private final Sql sql;
    private final ConversationLock lock;
    private final Clock clock;

    ConversationService(Sql sql, ConversationLock lock, Clock clock) {
        this.sql = sql;
        this.lock = lock;
        this.clock = clock;
    }

    /**
     * Locks the visitor's conversation with the website until the transaction ends, creating it (without a thread)
     * when it has none; safe under concurrent calls. Answers 404 when the visitor is not one of the website's.
     */
    @Transactional
    public LockedConversation lockOrOpen(UUID websiteId, UUID visitorId) {
        Optional<LockedConversation> existing = lock.lockOfVisitor(websiteId, visitorId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        sql.update(OPEN, UUID.randomUUID(), now, now, now, visitorId, websiteId);
        return lock.lockOfVisitor(websiteId, visitorId).orElseThrow(() -> ApiException.notFound("Visitor"));
    }

    /** The conversation, when it belongs to {@code websiteId}: another website's conversation is none. */
    @Transactional(readOnly = true)
    public Optional<ConversationView> find(UUID websiteId, UUID conversationId) {
        return sql.one(FIND, ConversationView::of, conversationId, websiteId);
    }

    /** The visitor's conversation with the website, if it has one. */
    @Transactional(readOnly = true)
    public Optional<ConversationView> ofVisitor(UUID websiteId, UUID visitorId) {
        return sql.one(OF_VISITOR, ConversationView::of, websiteId, visitorId);
    }
}
