package dev.zendo.identity.auth;

import dev.zendo.identity.password.AcceptablePassword;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/**
 * A new agent's sign-up.
 *
 * @param email    normalised (trimmed, lower-case); must not belong to another agent
 * @param password at least the configured length and not a common password
 * @param name     display name, trimmed
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record SignupRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Size(max = 1024) @AcceptablePassword String password,
        @NotBlank @Size(max = 200) String name) {

    public SignupRequest {
        email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        name = name == null ? null : name.strip();
    }
}
