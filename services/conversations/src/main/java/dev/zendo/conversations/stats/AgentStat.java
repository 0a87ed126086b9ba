package dev.zendo.conversations.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.zendo.conversations.access.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * One member's load and activity.
 *
 * @param agentId            the agent
 * @param name               the agent's name, when known
 * @param avatarUrl          the agent's avatar, when set
 * @param role               its role in the website
 * @param status             online, away or offline, from the realtime edges' presence
 * @param acceptingChats     whether it takes new chats
 * @param maxConcurrentChats how many active chats routing may give it at once
 * @param activeChats        the threads it has now
 * @param chatsHandledToday  distinct conversations it replied in or ended a thread of since the start of the day
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentStat(String agentId, @Nullable String name, @Nullable String avatarUrl, Role role, PresenceStatus status,
                        boolean acceptingChats, int maxConcurrentChats, long activeChats, long chatsHandledToday) {
}
