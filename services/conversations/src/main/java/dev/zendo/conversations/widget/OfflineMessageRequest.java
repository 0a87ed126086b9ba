package dev.zendo.conversations.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A message left when no agent is online, with an email to answer to (stored as an unverified claim).
 *
 * @param name        the visitor's name
 * @param email       where to answer
 * @param body        plain text, up to 10,000 characters
 * @param clientMsgId the client's id of the message, so a retry is stored once
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record OfflineMessageRequest(
        @Nullable @Size(min = 1, max = 200) String name,
        @NotBlank @Email @Size(max = 320) String email,
        @NotNull @Size(max = 10_000) String body,
        @NotBlank @Size(max = 128) String clientMsgId) {
}
