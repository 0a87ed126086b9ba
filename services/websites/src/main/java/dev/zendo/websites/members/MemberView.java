package dev.zendo.websites.members;

import dev.zendo.websites.access.Role;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;

/**
 * A member as the website's members see it.
 *
 * @param agentId            identity's id of the agent
 * @param email              the agent's email when they joined
 * @param name               the agent's name when they joined
 * @param role               the agent's role
 * @param maxConcurrentChats most conversations routed to the agent at once
 * @param acceptingChats     whether new conversations may be routed to the agent
 * @param joinedAt           when the agent joined
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record MemberView(String agentId, String email, String name, Role role, int maxConcurrentChats,
                         boolean acceptingChats, Instant joinedAt) {

    static MemberView of(Member member) {
        return new MemberView(member.agentId(), member.email(), member.name(), member.role(), member.maxConcurrentChats(),
                member.acceptingChats(), member.joinedAt());
    }
}
