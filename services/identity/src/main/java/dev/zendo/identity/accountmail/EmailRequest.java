package dev.zendo.identity.accountmail;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/**
 * A request for a mail to an agent's email (a password reset link or a sign-in code).
 *
 * @param email normalised (trimmed, lower-case)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record EmailRequest(@NotBlank @Email @Size(max = 254) String email) {

    public EmailRequest {
        email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
