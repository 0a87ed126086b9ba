package dev.zendo.websites.groups;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A group as members see it.
 *
 * @param id             its id
 * @param name           display name
 * @param routing        {@code round_robin}, {@code least_loaded} or {@code sticky}
 * @param isDefault      whether new conversations go to it unless addressed to another group
 * @param memberAgentIds the agents in it
 * @param createdAt      when it was created
 * @param updatedAt      when it last changed
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record GroupView(
        UUID id,
        String name,
        Routing routing,
        boolean isDefault,
        List<String> memberAgentIds,
        Instant createdAt,
        Instant updatedAt) {

    static GroupView of(Group group, List<String> memberAgentIds) {
        return new GroupView(group.id(), group.name(), group.routing(), group.defaultGroup(), memberAgentIds,
                group.createdAt(), group.updatedAt());
    }
}
