package dev.zendo.conversations.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.UUID;

/**
 * A thread's rating.
 *
 * @param threadId the rated thread
 * @param rating   1 to 5
 * @param comment  the visitor's comment
 * @param ratedAt  when it was rated
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RatingView(UUID threadId, int rating, @Nullable String comment, Instant ratedAt) {
}
