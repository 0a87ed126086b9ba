package dev.zendo.conversations.agent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Why a thread ends.
 *
 * @param reason up to 500 characters, shown to agents; optional
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CloseRequest(@Nullable String reason) {
}
