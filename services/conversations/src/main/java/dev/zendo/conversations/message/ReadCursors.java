package dev.zendo.conversations.message;

import dev.zendo.conversations.events.SiteEvents;
import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ActorKind;
import dev.zendo.events.v1.ReadUpTo;
import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Each participant's last seen seq in a conversation, and what they have not read yet. A cursor only moves forward;
 * each move is announced with {@code ReadUpTo} to the visitor and the agents.
 */
@Singleton
public class ReadCursors {

    private static final String CONVERSATION = "SELECT website_id, visitor_id, last_seq FROM conversations WHERE id = ?";
    private static final String MOVE = """
            INSERT INTO read_cursors (conversation_id, reader_kind, reader_id, seq, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (conversation_id, reader_kind, reader_id)
            DO UPDATE SET seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at WHERE read_cursors.seq < EXCLUDED.seq""";
    private static final String CURSOR = "SELECT seq FROM read_cursors WHERE conversation_id = ? AND reader_kind = ? AND reader_id = ?";
    private static final String UNREAD = """
            SELECT count(*) FROM messages m WHERE m.conversation_id = ?
              AND m.seq > coalesce((SELECT seq FROM read_cursors WHERE conversation_id = ? AND reader_kind = ? AND reader_id = ?), 0)
              AND %s""";
    private static final String UNREAD_BY_AGENT = """
            SELECT m.conversation_id, count(*) FROM messages m
            LEFT JOIN read_cursors r ON r.conversation_id = m.conversation_id AND r.reader_kind = 'AGENT' AND r.reader_id = ?
            WHERE m.conversation_id = ANY (?::uuid[]) AND m.author_kind = 'VISITOR' AND m.seq > coalesce(r.seq, 0)
            GROUP BY m.conversation_id""";
    private static final String FOR_AGENT = "m.author_kind = 'VISITOR'";
    private static final String FOR_VISITOR = "m.author_kind <> 'VISITOR' AND m.kind <> 'NOTE'";

    private final Sql sql;
    private final SiteEvents events;
    private final Clock clock;

    ReadCursors(Sql sql, SiteEvents events, Clock clock) {
        this.sql = sql;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records that the reader has seen everything up to {@code seq}; an earlier seq than the cursor's leaves it where
     * it is. 404 for an unknown conversation; 400 naming {@code seq} when it is negative or beyond the latest message.
     */
    @Transactional
    public ReadCursor markRead(UUID conversationId, ReaderKind readerKind, String readerId, long seq) {
        Conversation conversation = sql.one(CONVERSATION, row -> new Conversation(Sql.uuid(row, "website_id"),
                        Sql.uuid(row, "visitor_id"), row.getLong("last_seq")), conversationId)
                .orElseThrow(() -> ApiException.notFound("Conversation"));
        if (seq < 0 || seq > conversation.lastSeq()) {
            throw ApiException.invalid("seq", "must be from 0 to the conversation's latest seq, " + conversation.lastSeq());
        }
        if (sql.update(MOVE, conversationId, readerKind, readerId, seq, clock.instant()) == 0) {
            return new ReadCursor(cursor(conversationId, readerKind, readerId), false);
        }
        Actor reader = Actor.newBuilder().setKind(ActorKind.valueOf("ACTOR_KIND_" + readerKind.name())).setId(readerId).build();
        events.toConversation(conversation.websiteId(), conversationId, conversation.visitorId(), reader,
                e -> e.setReadUpTo(ReadUpTo.newBuilder().setConversationId(conversationId.toString()).setReader(reader).setSeq(seq)));
        return new ReadCursor(seq, true);
    }

    /** The reader's last seen seq, 0 when it has read nothing. */
    @Transactional(readOnly = true)
    public long cursor(UUID conversationId, ReaderKind readerKind, String readerId) {
        return sql.one(CURSOR, row -> row.getLong(1), conversationId, readerKind, readerId).orElse(0L);
    }

    /**
     * How many messages the reader has not seen: for an agent, the visitor's messages after its cursor; for the visitor,
     * agents', bots' and system messages after its cursor, never notes.
     */
    @Transactional(readOnly = true)
    public long unread(UUID conversationId, ReaderKind readerKind, String readerId) {
        String which = readerKind == ReaderKind.AGENT ? FOR_AGENT : FOR_VISITOR;
        return sql.one(UNREAD.formatted(which), row -> row.getLong(1), conversationId, conversationId, readerKind, readerId)
                .orElse(0L);
    }

    /**
     * {@link #unread} for one agent over many conversations at once (an inbox page): each conversation's count of
     * visitor messages after the agent's cursor, 0 included.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Long> unreadByAgent(String agentId, Collection<UUID> conversationIds) {
        Map<UUID, Long> counts = new HashMap<>();
        conversationIds.forEach(id -> counts.put(id, 0L));
        if (!conversationIds.isEmpty()) {
            String ids = conversationIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
            sql.list(UNREAD_BY_AGENT, row -> Map.entry(Sql.uuid(row, "conversation_id"), row.getLong(2)), agentId, ids)
                    .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        }
        return counts;
    }

    private record Conversation(UUID websiteId, UUID visitorId, long lastSeq) {
    }
}
