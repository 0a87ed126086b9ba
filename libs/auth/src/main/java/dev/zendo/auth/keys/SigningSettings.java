package dev.zendo.auth.keys;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.util.List;

/**
 * The keys a service signs its tokens with and what it stamps on them. Keys are a JWK set with private
 * parts: its first key signs, the others are only published so tokens they signed stay valid until expiry.
 *
 * @param jwksFile path of the JWK set file ({@code make up} generates it under .run/)
 * @param jwks     the JWK set itself, for deployments that hand it over as a secret; wins over the file
 * @param issuer   the {@code iss} claim of tokens this service signs
 * @param audience the {@code aud} claim of tokens this service signs: one audience, or several (comma-separated
 *                 in a property) for tokens more than one kind of server accepts
 * @param ttl      how long a signed token is valid unless the signer is given a lifetime
 */
@Requires(property = "zendo.auth.signing.issuer")
@ConfigurationProperties("zendo.auth.signing")
public record SigningSettings(
        @Nullable String jwksFile,
        @Nullable String jwks,
        @NotBlank String issuer,
        @NotEmpty List<@NotBlank String> audience,
        @NotNull Duration ttl) {
}
