package dev.zendo.conversations.agent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * Where a conversation goes: to an agent (oneself to take it) or to a group's queue; exactly one of the two.
 *
 * @param agentId the member who gets it
 * @param groupId the group whose queue it joins
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record AssignRequest(@Nullable @Size(min = 1, max = 200) String agentId, @Nullable UUID groupId) {
}
