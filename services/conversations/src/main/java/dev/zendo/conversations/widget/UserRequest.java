package dev.zendo.conversations.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A user the host site's backend vouches for.
 *
 * @param token an HS256 JWT ({@code sub}, {@code email}, {@code name}, {@code exp}) signed with the website's
 *              identity-verification secret
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record UserRequest(@NotBlank @Size(max = 8192) String token) {
}
