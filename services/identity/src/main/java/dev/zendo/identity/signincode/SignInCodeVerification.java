package dev.zendo.identity.signincode;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/**
 * A sign-in with an emailed code.
 *
 * @param email normalised (trimmed, lower-case)
 * @param code  the six digits of the mail
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record SignInCodeVerification(
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") String code) {

    public SignInCodeVerification {
        email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
