package dev.zendo.conversations.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import static dev.zendo.platform.jdbc.Sql.instant;
import static dev.zendo.platform.jdbc.Sql.uuid;

/**
 * A stored message, as API bodies show it.
 *
 * @param id             the message's id
 * @param conversationId its conversation
 * @param threadId       the thread it was written in
 * @param seq            its position in the conversation: 1, 2, 3… without gaps
 * @param clientMsgId    the id its client sent for retries, or null
 * @param author         who wrote it
 * @param kind           text, note (agents only) or system
 * @param body           plain text
 * @param createdAt      when it was stored
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record MessageView(UUID id, UUID conversationId, UUID threadId, long seq, @Nullable String clientMsgId, Author author,
                          MessageKind kind, String body, Instant createdAt) {

    static final String COLUMNS = "id, conversation_id, thread_id, seq, client_msg_id, author_kind, author_id, author_name, "
            + "kind, body, created_at";

    static MessageView of(ResultSet row) throws SQLException {
        return new MessageView(uuid(row, "id"), uuid(row, "conversation_id"), uuid(row, "thread_id"), row.getLong("seq"),
                row.getString("client_msg_id"),
                new Author(AuthorKind.valueOf(row.getString("author_kind")), row.getString("author_id"), row.getString("author_name")),
                MessageKind.valueOf(row.getString("kind")), row.getString("body"), instant(row, "created_at"));
    }
}
