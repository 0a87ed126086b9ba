package dev.zendo.conversations.visitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.zendo.conversations.message.AuthorKind;
import dev.zendo.conversations.thread.ThreadStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.UUID;

/**
 * One support session of a visitor, as its profile lists them.
 *
 * @param id             the thread
 * @param conversationId its conversation
 * @param status         pending, active, resolved or closed
 * @param groupId        the group it was routed to
 * @param agentId        the agent who had it
 * @param agentName      that agent's name, when known
 * @param openedAt       when it began
 * @param closedAt       when it ended
 * @param closedByKind   who ended it: agent, visitor, system or bot
 * @param closedById     the id of who ended it
 * @param closeReason    why, when given
 * @param rating         the visitor's rating, 1 to 5
 * @param ratingComment  the visitor's comment with the rating
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PastThread(UUID id, UUID conversationId, ThreadStatus status, @Nullable UUID groupId, @Nullable String agentId,
                         @Nullable String agentName, Instant openedAt, @Nullable Instant closedAt,
                         @Nullable AuthorKind closedByKind, @Nullable String closedById, @Nullable String closeReason,
                         @Nullable Integer rating, @Nullable String ratingComment) {
}
