package dev.zendo.identity.agent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/**
 * Changes to an agent's profile; a field left out (or null) stays as it is.
 *
 * @param email     new email, normalised (trimmed, lower-case)
 * @param name      new display name, trimmed
 * @param avatarUrl new picture URL; an empty string removes the picture
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ProfileChange(
        @Nullable @Email @Size(max = 254) String email,
        @Nullable @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String name,
        @Nullable @Size(max = 2048) @Pattern(regexp = "(https?://\\S+)?", message = "must be an http(s) URL, or empty to remove it") String avatarUrl) {

    public ProfileChange {
        email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        name = name == null ? null : name.strip();
    }
}
