package dev.zendo.conversations.presence;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.zendo.conversations.stats.PresenceStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;

/**
 * One member's presence.
 *
 * @param agentId    the agent
 * @param status     online, away or offline, from the realtime edges' presence keys
 * @param lastSeenAt for an offline agent an edge has announced, when its presence lapsed; absent otherwise
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberPresence(String agentId, PresenceStatus status, @Nullable Instant lastSeenAt) {
}
