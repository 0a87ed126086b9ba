package dev.zendo.websites.groups;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A group (department) of a website's agents, as stored.
 *
 * @param id           its id
 * @param websiteId    the website
 * @param name         display name, unique in the website regardless of case
 * @param routing      how conversations are handed to its members
 * @param defaultGroup whether it is the website's default group (exactly one is)
 * @param createdAt    when it was created
 * @param updatedAt    when it last changed
 */
@MappedEntity("agent_groups")
record Group(
        @Id UUID id,
        UUID websiteId,
        String name,
        Routing routing,
        boolean defaultGroup,
        Instant createdAt,
        Instant updatedAt) {

    Group with(String newName, Routing newRouting, boolean newDefault, Instant now) {
        return new Group(id, websiteId, newName, newRouting, newDefault, createdAt, now);
    }
}
