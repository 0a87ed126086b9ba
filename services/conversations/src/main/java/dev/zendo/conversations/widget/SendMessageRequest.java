package dev.zendo.conversations.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A visitor's message.
 *
 * @param clientMsgId the client's id of the message: sending it again returns the stored message
 * @param body        plain text, up to 10,000 characters
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record SendMessageRequest(@NotBlank @Size(max = 128) String clientMsgId, @NotNull @Size(max = 10_000) String body) {
}
