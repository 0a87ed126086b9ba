package dev.zendo.websites.tickets;

import dev.zendo.websites.access.Role;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.UUID;

/**
 * One website a ticket lets its agent subscribe to.
 *
 * @param id   the website
 * @param role the agent's role there
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record TicketWebsite(UUID id, Role role) {
}
