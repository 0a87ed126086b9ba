package dev.zendo.conversations.agent;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.UUID;

/**
 * A tag on a conversation.
 *
 * @param id    the tag's id
 * @param name  its name
 * @param color its colour, {@code #rgb} or {@code #rrggbb}
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record TagSummary(UUID id, String name, String color) {
}
