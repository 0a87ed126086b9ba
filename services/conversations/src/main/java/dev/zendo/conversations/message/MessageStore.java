package dev.zendo.conversations.message;

import dev.zendo.platform.jdbc.Sql;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Messages as stored: one statement stores a message with the next seq and moves the conversation along. */
@Singleton
class MessageStore {

    /** Longest preview of the latest text message kept on the conversation, in code points. */
    static final int PREVIEW = 200;

    private static final String INSERT = """
            WITH m AS (
                INSERT INTO messages (id, conversation_id, thread_id, website_id, seq, client_msg_id, author_kind,
                                      author_id, author_name, kind, body, created_at)
                SELECT ?, c.id, ?, c.website_id, c.last_seq + 1, ?, ?, ?, ?, ?, ?, ? FROM conversations c WHERE c.id = ?
                ON CONFLICT (conversation_id, client_msg_id) DO NOTHING
                RETURNING seq)
            UPDATE conversations c SET last_seq = m.seq, updated_at = ?,
                last_message_at = COALESCE(?::timestamptz, c.last_message_at),
                last_message_preview = COALESCE(?::text, c.last_message_preview)
            FROM m WHERE c.id = ? RETURNING m.seq""";
    private static final String BY_CLIENT_ID = "SELECT " + MessageView.COLUMNS
            + " FROM messages WHERE conversation_id = ? AND client_msg_id = ?";

    private final Sql sql;

    MessageStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * Stores the message with the conversation's next seq, under the conversation lock the caller holds; empty when the
     * conversation already has a message with that client_msg_id (nothing is changed then).
     */
    Optional<MessageView> insert(UUID conversationId, UUID threadId, Author author, MessageKind kind, String clientMsgId,
                                 String body, Instant now) {
        UUID id = UUID.randomUUID();
        boolean text = kind == MessageKind.TEXT;
        return sql.one(INSERT, row -> row.getLong(1),
                        id, threadId, clientMsgId, author.kind(), author.id(), author.name(), kind, body, now, conversationId,
                        now, text ? now : null, text ? preview(body) : null, conversationId)
                .map(seq -> new MessageView(id, conversationId, threadId, seq, clientMsgId, author, kind, body, now));
    }

    /** The conversation's message with that client_msg_id. */
    Optional<MessageView> byClientId(UUID conversationId, String clientMsgId) {
        return sql.one(BY_CLIENT_ID, MessageView::of, conversationId, clientMsgId);
    }

    static String preview(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.codePointCount(0, line.length()) <= PREVIEW ? line : line.substring(0, line.offsetByCodePoints(0, PREVIEW));
    }
}
