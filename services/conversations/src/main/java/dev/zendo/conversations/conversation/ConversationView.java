package dev.zendo.conversations.conversation;

import dev.zendo.conversations.thread.ThreadStatus;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * A conversation as stored, with a copy of its current thread's state. A conversation that has no thread yet has
 * status {@code closed} and no current thread.
 *
 * @param id                 the conversation's id
 * @param websiteId          the website it belongs to
 * @param visitorId          its visitor (one conversation per visitor per website)
 * @param lastSeq            the seq of its latest message, 0 when it has none
 * @param currentThreadId    its latest thread, null before the first
 * @param status             the current thread's status
 * @param groupId            the current thread's group
 * @param agentId            the current thread's agent
 * @param lastMessageAt      when the latest text message was written (creation time before the first)
 * @param lastMessagePreview the start of the latest text message (notes and system messages never show here)
 * @param createdAt          when it was created
 * @param updatedAt          when it last changed
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ConversationView(UUID id, UUID websiteId, UUID visitorId, long lastSeq, @Nullable UUID currentThreadId,
                               ThreadStatus status, @Nullable UUID groupId, @Nullable String agentId, Instant lastMessageAt,
                               @Nullable String lastMessagePreview, Instant createdAt, Instant updatedAt) {

    /** The columns {@link #of} reads, for queries of the {@code conversations} table. */
    public static final String COLUMNS = "id, website_id, visitor_id, last_seq, current_thread_id, status, group_id, agent_id, "
            + "last_message_at, last_message_preview, created_at, updated_at";

    /** The conversation in the current row of a query selecting {@link #COLUMNS}. */
    public static ConversationView of(ResultSet row) throws SQLException {
        return new ConversationView(Sql.uuid(row, "id"), Sql.uuid(row, "website_id"), Sql.uuid(row, "visitor_id"),
                row.getLong("last_seq"), Sql.uuid(row, "current_thread_id"), ThreadStatus.valueOf(row.getString("status")),
                Sql.uuid(row, "group_id"), row.getString("agent_id"), Sql.instant(row, "last_message_at"),
                row.getString("last_message_preview"), Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
    }
}
