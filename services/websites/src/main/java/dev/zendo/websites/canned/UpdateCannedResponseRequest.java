package dev.zendo.websites.canned;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Changes to a canned response; fields left out keep their value.
 *
 * @param shortcut letters, digits, {@code -} and {@code _}, at most 50, unique in the website regardless of case
 * @param text     the reply, at most 5000 characters
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record UpdateCannedResponseRequest(
        @Nullable @Pattern(regexp = CannedResponses.SHORTCUT, message = CannedResponses.SHORTCUT_MESSAGE) String shortcut,
        @Nullable @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Size(max = 5000) String text) {
}
