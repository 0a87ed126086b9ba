package dev.zendo.conversations.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * The visitor's rating of a resolved or closed thread.
 *
 * @param threadId the thread
 * @param rating   1 (bad) to 5 (great)
 * @param comment  a few words with it
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RatingRequest(@NotNull UUID threadId, @NotNull @Min(1) @Max(5) Integer rating, @Nullable @Size(max = 1_000) String comment) {
}
