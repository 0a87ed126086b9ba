package dev.zendo.conversations.server;

import dev.zendo.conversations.conversation.ConversationView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * One page of a website's conversations, latest message first.
 *
 * @param conversations the page
 * @param nextCursor    pass it as {@code cursor} for the next page; absent on the last page
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ConversationPage(List<ConversationView> conversations,
                               @Nullable @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String nextCursor) {
}
