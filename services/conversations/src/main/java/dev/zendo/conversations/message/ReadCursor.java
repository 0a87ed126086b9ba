package dev.zendo.conversations.message;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * How far a reader has read a conversation.
 *
 * @param seq   the last seq the reader has seen
 * @param moved whether this call moved the cursor forward
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ReadCursor(long seq, boolean moved) {
}
