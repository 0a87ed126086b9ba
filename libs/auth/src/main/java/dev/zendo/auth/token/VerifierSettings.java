package dev.zendo.auth.token;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;

/**
 * Which agent access tokens a service accepts: identity's issuer and audience, and where its keys are.
 *
 * @param jwksUrl  identity's JWKS endpoint; empty in identity itself, which verifies with its own keys
 * @param issuer   required {@code iss}
 * @param audience required {@code aud}
 * @param cacheTtl        how long fetched keys are trusted before they are fetched again
 * @param refetchInterval an unknown kid refetches the keys at once, but at most twice in this interval
 */
@Requires(property = "zendo.auth.agent-tokens.issuer")
@ConfigurationProperties("zendo.auth.agent-tokens")
public record VerifierSettings(
        @Nullable @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String jwksUrl,
        @NotBlank String issuer,
        @NotBlank String audience,
        @NotNull Duration cacheTtl,
        @NotNull @Bindable(defaultValue = "30s") Duration refetchInterval) {

    public VerifierSettings {
        if (cacheTtl != null && refetchInterval != null && refetchInterval.compareTo(cacheTtl) >= 0) {
            throw new IllegalArgumentException("zendo.auth.agent-tokens.refetch-interval (" + refetchInterval
                    + ") must be shorter than cache-ttl (" + cacheTtl + ")");
        }
    }
}
