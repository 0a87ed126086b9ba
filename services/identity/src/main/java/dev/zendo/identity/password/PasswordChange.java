package dev.zendo.identity.password;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A password change.
 *
 * @param currentPassword the password in use, to confirm it is the agent asking
 * @param newPassword     the password to use from now on
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PasswordChange(
        @NotEmpty @Size(max = 1024) String currentPassword,
        @NotNull @Size(max = 1024) @AcceptablePassword String newPassword) {
}
