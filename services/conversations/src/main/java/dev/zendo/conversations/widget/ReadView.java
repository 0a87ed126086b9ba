package dev.zendo.conversations.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The visitor's read cursor.
 *
 * @param seq         the last seq it has seen
 * @param unreadCount agents', bots' and system messages after it
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ReadView(long seq, long unreadCount) {
}
