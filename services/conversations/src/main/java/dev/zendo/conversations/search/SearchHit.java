package dev.zendo.conversations.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.UUID;

/**
 * One search result.
 *
 * @param type           a message, or a visitor found by name, email or label
 * @param conversationId the conversation it belongs to; absent for a visitor who never started one
 * @param visitor        the visitor
 * @param message        the message found, for a message hit
 * @param rank           relevance: higher is better; results come best first
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchHit(HitType type, @Nullable UUID conversationId, SearchVisitor visitor, @Nullable SearchMessage message,
                        float rank) {
}
