package dev.zendo.conversations.presence;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;

/**
 * The presence of a website's members.
 *
 * @param at     when the presence was read
 * @param agents every member of the website
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record TeamPresence(Instant at, List<MemberPresence> agents) {
}
