package dev.zendo.conversations.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.UUID;

/**
 * The visitor a hit belongs to.
 *
 * @param id    the visitor
 * @param label its readable label, e.g. "Brave Otter 42"
 * @param name  its name, when known
 * @param email its email, when known
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record SearchVisitor(UUID id, String label, @Nullable String name, @Nullable String email) {
}
