package dev.zendo.websites.canned;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new canned response.
 *
 * @param shortcut letters, digits, {@code -} and {@code _}, at most 50, unique in the website regardless of case
 * @param text     the reply, at most 5000 characters
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CreateCannedResponseRequest(
        @NotNull @Pattern(regexp = CannedResponses.SHORTCUT, message = CannedResponses.SHORTCUT_MESSAGE) String shortcut,
        @NotBlank @Size(max = 5000) String text) {
}
