package dev.zendo.websites.tickets;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;

/**
 * A realtime ticket: a short-lived JWT the realtime edge admits an agent's WebSocket with.
 *
 * @param ticket    the signed JWT
 * @param expiresAt when it stops being accepted
 * @param websites  the websites (and roles) it lets the agent subscribe to
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Ticket(String ticket, Instant expiresAt, List<TicketWebsite> websites) {
}
