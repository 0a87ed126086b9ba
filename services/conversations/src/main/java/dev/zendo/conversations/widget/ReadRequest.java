package dev.zendo.conversations.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * How far the visitor has read.
 *
 * @param seq the last seq it has seen, at most the conversation's latest
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ReadRequest(@NotNull @PositiveOrZero Integer seq) {
}
