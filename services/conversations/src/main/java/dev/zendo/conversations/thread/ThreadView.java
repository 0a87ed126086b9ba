package dev.zendo.conversations.thread;

import dev.zendo.conversations.message.AuthorKind;
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
 * One support session of a conversation.
 *
 * @param id             the thread's id
 * @param conversationId its conversation
 * @param status         pending, active, resolved or closed
 * @param groupId        the group it is routed in, may be null
 * @param agentId        the agent who has (or last had) it
 * @param openedAt       when it was opened
 * @param queuedAt       when it last entered its group's queue
 * @param assignedAt     when it last got an agent
 * @param closedAt       when it was resolved or closed
 * @param closedByKind   who closed it: agent, visitor, system or bot
 * @param closedById     the closing agent's or visitor's id, the bot's name
 * @param closeReason    why, when a reason was given
 * @param rating         the visitor's rating, 1 to 5
 * @param ratingComment  the visitor's comment with the rating
 * @param ratedAt        when it was rated
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ThreadView(UUID id, UUID conversationId, ThreadStatus status, @Nullable UUID groupId, @Nullable String agentId,
                         Instant openedAt, @Nullable Instant queuedAt, @Nullable Instant assignedAt, @Nullable Instant closedAt,
                         @Nullable AuthorKind closedByKind, @Nullable String closedById, @Nullable String closeReason,
                         @Nullable Integer rating, @Nullable String ratingComment, @Nullable Instant ratedAt) {

    static final String COLUMNS = "id, conversation_id, status, group_id, agent_id, opened_at, queued_at, assigned_at, "
            + "closed_at, closed_by_kind, closed_by_id, close_reason, rating, rating_comment, rated_at";

    static ThreadView of(ResultSet row) throws SQLException {
        String closedBy = row.getString("closed_by_kind");
        int stars = row.getInt("rating");
        Integer rating = row.wasNull() ? null : stars;
        return new ThreadView(uuid(row, "id"), uuid(row, "conversation_id"), ThreadStatus.valueOf(row.getString("status")),
                uuid(row, "group_id"), row.getString("agent_id"), instant(row, "opened_at"), instant(row, "queued_at"),
                instant(row, "assigned_at"), instant(row, "closed_at"), closedBy == null ? null : AuthorKind.valueOf(closedBy),
                row.getString("closed_by_id"), row.getString("close_reason"), rating,
                row.getString("rating_comment"), instant(row, "rated_at"));
    }
}
