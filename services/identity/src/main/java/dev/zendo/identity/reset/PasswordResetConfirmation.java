package dev.zendo.identity.reset;

import dev.zendo.identity.password.AcceptablePassword;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new password set with a reset link's token.
 *
 * @param token       as the link carried it
 * @param newPassword at least the configured length and not a common password
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PasswordResetConfirmation(
        @NotBlank @Size(max = 256) String token,
        @NotNull @Size(max = 1024) @AcceptablePassword String newPassword) {
}
