package dev.zendo.conversations.search;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * A matched stretch of a snippet, in UTF-16 code units (JavaScript string indices).
 *
 * @param start where it begins, inclusive
 * @param end   where it ends, exclusive
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Highlight(int start, int end) {
}
