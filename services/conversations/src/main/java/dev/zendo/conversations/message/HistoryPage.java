package dev.zendo.conversations.message;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * One page of a conversation's messages, oldest first.
 *
 * @param messages the page
 * @param hasMore  whether more messages lie beyond the page in the direction read: older ones when reading back
 *                 (no {@code after}), newer ones when reading forward ({@code after} given)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record HistoryPage(List<MessageView> messages, boolean hasMore) {
}
