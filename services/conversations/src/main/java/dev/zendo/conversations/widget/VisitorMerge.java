package dev.zendo.conversations.widget;

import dev.zendo.conversations.conversation.ConversationLock;
import dev.zendo.conversations.conversation.ConversationService;
import dev.zendo.conversations.conversation.ConversationView;
import dev.zendo.conversations.conversation.LockedConversation;
import dev.zendo.conversations.thread.ThreadService;
import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ActorKind;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Folds an anonymous visitor into the verified visitor it proved to be, keeping every message of both. The source's
 * conversation is moved whole when the target has none; otherwise its threads move into the target's conversation and
 * its messages follow the target's latest one, renumbered in their own order (the target's seqs never change, so its
 * clients' cursors stay valid). A source thread still going on when the target has one going on too is closed first
 * (by the system, reason {@value #REASON}). The source keeps its row, pointing at the target ({@code merged_into}),
 * and the merge is audited as {@code visitor.merged} and announced to agents with {@code VisitorMerged}.
 */
@Singleton
class VisitorMerge {

    static final String REASON = "Merged into the visitor's verified conversation";

    private static final Actor SYSTEM = Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_SYSTEM).build();
    private static final String MOVE_CONVERSATION = "UPDATE conversations SET visitor_id = ?, updated_at = ? WHERE id = ?";
    private static final String MOVE_MESSAGES = """
            WITH moved AS (SELECT id, row_number() OVER (ORDER BY seq) AS n FROM messages WHERE conversation_id = ?)
            UPDATE messages m SET conversation_id = ?, seq = ? + moved.n,
                client_msg_id = CASE WHEN EXISTS (SELECT 1 FROM messages t WHERE t.conversation_id = ? AND t.client_msg_id = m.client_msg_id)
                                     THEN NULL ELSE m.client_msg_id END
            FROM moved WHERE m.id = moved.id""";
    private static final String MOVE_THREADS = "UPDATE threads SET conversation_id = ? WHERE conversation_id = ?";
    private static final String MOVE_TAGS = """
            INSERT INTO conversation_tags (conversation_id, tag_id, tagged_by, tagged_at)
            SELECT ?, tag_id, tagged_by, tagged_at FROM conversation_tags WHERE conversation_id = ? ON CONFLICT DO NOTHING""";
    private static final String DROP_TAGS = "DELETE FROM conversation_tags WHERE conversation_id = ?";
    private static final String DROP_CURSORS = "DELETE FROM read_cursors WHERE conversation_id = ?";
    private static final String DROP_CONVERSATION = "DELETE FROM conversations WHERE id = ?";
    private static final String FOLD = """
            UPDATE conversations c SET last_seq = c.last_seq + ?,
                current_thread_id = CASE WHEN ? THEN s.current_thread_id ELSE c.current_thread_id END,
                status = CASE WHEN ? THEN s.status ELSE c.status END,
                group_id = CASE WHEN ? THEN s.group_id ELSE c.group_id END,
                agent_id = CASE WHEN ? THEN s.agent_id ELSE c.agent_id END,
                last_message_preview = CASE WHEN s.last_message_at > c.last_message_at AND s.last_message_preview IS NOT NULL
                                            THEN s.last_message_preview ELSE c.last_message_preview END,
                last_message_at = greatest(c.last_message_at, s.last_message_at),
                updated_at = ?
            FROM conversations s WHERE c.id = ? AND s.id = ?""";
    private static final String MARK_MERGED = "UPDATE visitors SET merged_into = ?, updated_at = ? WHERE id = ?";
    private static final String MOVE_PAGE_VIEWS = "UPDATE page_views SET visitor_id = ? WHERE visitor_id = ?";
    private static final String AUDIT = """
            INSERT INTO audit_log (website_id, actor_kind, actor_id, action, target_type, target_id, detail, occurred_at)
            VALUES (?, 'VISITOR', ?, 'visitor.merged', 'visitor', ?,
                    jsonb_build_object('source', ?::text, 'target', ?::text, 'merged_at', ?::text), ?)""";

    private final Sql sql;
    private final ConversationService conversations;
    private final ConversationLock lock;
    private final ThreadService threads;
    private final VisitorEvents events;
    private final Clock clock;

    VisitorMerge(Sql sql, ConversationService conversations, ConversationLock lock, ThreadService threads,
                 VisitorEvents events, Clock clock) {
        this.sql = sql;
        this.conversations = conversations;
        this.lock = lock;
        this.threads = threads;
        this.events = events;
        this.clock = clock;
    }

    /** Merges {@code source} into {@code target} (both of one website) in the caller's transaction. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void merge(VisitorRow source, VisitorRow target) {
        UUID websiteId = target.websiteId();
        Instant now = clock.instant();
        Optional<ConversationView> from = conversations.ofVisitor(websiteId, source.id());
        Optional<ConversationView> into = conversations.ofVisitor(websiteId, target.id());
        UUID kept = into.map(ConversationView::id).orElse(from.map(ConversationView::id).orElse(null));
        if (from.isPresent() && into.isEmpty()) {
            sql.update(MOVE_CONVERSATION, target.id(), now, from.get().id());
        } else if (from.isPresent()) {
            fold(from.get().id(), into.get().id(), now);
        }
        sql.update(MOVE_PAGE_VIEWS, target.id(), source.id());
        sql.update(MARK_MERGED, target.id(), now, source.id());
        sql.update(AUDIT, websiteId, target.id().toString(), source.id().toString(), source.id().toString(),
                target.id().toString(), now.toString(), now);
        events.merged(websiteId, source.id(), target.id(), kept, from.map(ConversationView::id).orElse(null));
    }

    private void fold(UUID fromId, UUID intoId, Instant now) {
        boolean fromFirst = fromId.compareTo(intoId) < 0;
        LockedConversation first = lock.lock(fromFirst ? fromId : intoId).orElseThrow();
        LockedConversation second = lock.lock(fromFirst ? intoId : fromId).orElseThrow();
        LockedConversation from = fromFirst ? first : second;
        LockedConversation into = fromFirst ? second : first;
        if (from.hasOpenThread() && into.hasOpenThread()) {
            threads.close(from.id(), SYSTEM, false, REASON);
        }
        boolean takeThread = !into.hasOpenThread() && from.currentThreadId() != null
                && (into.currentThreadId() == null || from.hasOpenThread());
        int moved = sql.update(MOVE_MESSAGES, from.id(), into.id(), into.lastSeq(), into.id());
        sql.update(MOVE_THREADS, into.id(), from.id());
        sql.update(MOVE_TAGS, into.id(), from.id());
        sql.update(DROP_TAGS, from.id());
        sql.update(DROP_CURSORS, from.id());
        sql.update(FOLD, moved, takeThread, takeThread, takeThread, takeThread, now, into.id(), from.id());
        sql.update(DROP_CONVERSATION, from.id());
    }
}
