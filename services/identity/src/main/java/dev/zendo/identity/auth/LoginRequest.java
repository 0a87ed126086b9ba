package dev.zendo.identity.auth;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/**
 * A sign-in with email and password.
 *
 * @param email    normalised (trimmed, lower-case)
 * @param password the agent's password
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record LoginRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotEmpty @Size(max = 1024) String password) {

    public LoginRequest {
        email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
