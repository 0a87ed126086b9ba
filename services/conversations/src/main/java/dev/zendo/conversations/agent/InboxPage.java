package dev.zendo.conversations.agent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * One page of an inbox list.
 *
 * @param items      the conversations, newest activity first
 * @param nextCursor pass it as {@code cursor} for the next page; null on the last page
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record InboxPage(List<InboxItem> items, @Nullable String nextCursor) {
}
