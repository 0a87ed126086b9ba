package dev.zendo.websites.members;

import dev.zendo.websites.access.Role;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent's membership of a website, as stored. Agents are known here only by what their verified token said
 * when they joined: id, email and name.
 *
 * @param id                 its id
 * @param websiteId          the website
 * @param agentId            identity's id of the agent
 * @param email              the agent's email when they joined
 * @param name               the agent's name when they joined
 * @param role               the agent's role
 * @param maxConcurrentChats most conversations routed to the agent at once
 * @param acceptingChats     whether new conversations may be routed to the agent
 * @param joinedAt           when the agent joined
 */
@MappedEntity("members")
public record Member(
        @Id UUID id,
        UUID websiteId,
        String agentId,
        String email,
        String name,
        Role role,
        int maxConcurrentChats,
        boolean acceptingChats,
        Instant joinedAt) {

    Member with(Role newRole, int newMaxConcurrentChats, boolean newAcceptingChats) {
        return new Member(id, websiteId, agentId, email, name, newRole, newMaxConcurrentChats, newAcceptingChats, joinedAt);
    }
}
