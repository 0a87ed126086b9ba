package dev.zendo.auth.keys;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * The keys a service signs its tokens with and what it stamps on them. Keys are a JWK set with private
 * parts: its first key signs, the others are only published so tokens they signed stay valid until expiry.
 *
 * @param jwksFile path of the JWK set file ({@code make up} generates it under .run/)
 * @param jwks     the JWK set itself, for deployments that hand it over as a secret; wins over the file
 * @param issuer   the {@code iss} claim of tokens this service signs
 * @param audience the {@code aud} claim of tokens this service signs
 * @param ttl      how long a signed token is valid
 */
@Requires(property = "zendo.auth.signing.issuer")
@ConfigurationProperties("zendo.auth.signing")
public record SigningSettings(
        @Nullable String jwksFile,
        @Nullable String jwks,
        @NotBlank String issuer,
        @NotBlank String audience,
        @NotNull Duration ttl) {
}
