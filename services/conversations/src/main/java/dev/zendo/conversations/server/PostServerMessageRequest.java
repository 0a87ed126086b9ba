package dev.zendo.conversations.server;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A message from the website's backend.
 *
 * @param clientMsgId the backend's id for retries: the same id returns the stored message (1 to 128 characters)
 * @param body        plain text, 1 to 10,000 characters; control characters other than newline and tab are removed
 * @param kind        {@code text} (default: the visitor sees it) or {@code note} (agents only)
 * @param as          who writes it: a named bot or an agent of the website
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PostServerMessageRequest(
        @NotBlank @Size(max = 128) String clientMsgId,
        @NotNull @Schema(maxLength = 10_000) String body,
        @Nullable @Pattern(regexp = "text|note", message = "must be text or note")
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, allowableValues = {"text", "note"}, defaultValue = "text") String kind,
        @NotNull @Valid Sender as) {
}
