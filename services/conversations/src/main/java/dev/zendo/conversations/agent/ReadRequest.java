package dev.zendo.conversations.agent;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotNull;

/**
 * How far the caller has read.
 *
 * @param seq the last seq seen, from 0 to the conversation's latest
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ReadRequest(@NotNull Long seq) {
}
