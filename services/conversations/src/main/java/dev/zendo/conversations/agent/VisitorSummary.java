package dev.zendo.conversations.agent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.UUID;

/**
 * Who a conversation is with, as inbox lists show it.
 *
 * @param id    the visitor's id
 * @param label the readable label every anonymous visitor has ("Brave Otter 42")
 * @param name  the name the visitor gave, or null
 * @param email the email the visitor gave, or null
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record VisitorSummary(UUID id, String label, @Nullable String name, @Nullable String email) {
}
