package dev.zendo.realtimeedge.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;

/**
 * Whose tokens the edge accepts: agents' realtime tickets (websites) and visitors' session tokens (conversations).
 *
 * @param ticketsJwksUrl   websites' {@code /v1/realtime/jwks.json}
 * @param ticketsIssuer    the {@code iss} of tickets (websites' {@code zendo.auth.signing.issuer})
 * @param visitorsJwksUrl  conversations' {@code /v1/widget/jwks.json}
 * @param visitorsIssuer   the {@code iss} of visitor tokens (conversations' {@code zendo.auth.signing.issuer})
 * @param audience         the {@code aud} both must carry
 * @param cacheTtl         how long fetched keys are trusted
 * @param refetchInterval  an unknown kid refetches keys at most twice in this interval
 * @param verifierThreads  threads verifying tokens off the event loops (a JWKS cache miss is an HTTP call)
 * @param checkedSignaturesSecret the secret, shared by the edge's nodes only, that keys the signatures they share in
 *                         Redis (docs/protocol.md "Checked signatures"); absent or blank: none are shared
 */
@Context
@ConfigurationProperties("zendo.realtime.auth")
public record CredentialSettings(
        @NotBlank @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String ticketsJwksUrl,
        @NotBlank String ticketsIssuer,
        @NotBlank @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String visitorsJwksUrl,
        @NotBlank String visitorsIssuer,
        @NotBlank String audience,
        @NotNull Duration cacheTtl,
        @NotNull Duration refetchInterval,
        @Min(1) int verifierThreads,
        @Nullable String checkedSignaturesSecret) {

    /** The shortest secret taken: 32 characters. */
    public static final int SECRET_LENGTH = 32;

    public CredentialSettings {
        if (given(checkedSignaturesSecret) && checkedSignaturesSecret.length() < SECRET_LENGTH) {
            throw new IllegalArgumentException("zendo.realtime.auth.checked-signatures-secret must be at least " + SECRET_LENGTH
                    + " characters (it is " + checkedSignaturesSecret.length() + ")");
        }
        if (cacheTtl != null && refetchInterval != null && refetchInterval.compareTo(cacheTtl) >= 0) {
            throw new IllegalArgumentException("zendo.realtime.auth.refetch-interval (" + refetchInterval
                    + ") must be shorter than cache-ttl (" + cacheTtl + ")");
        }
    }

    /** Whether nodes share the signatures they checked: a secret was given. */
    public boolean sharesCheckedSignatures() {
        return given(checkedSignaturesSecret);
    }

    private static boolean given(String secret) {
        return secret != null && !secret.isBlank();
    }

    @Override
    public String toString() {
        return "CredentialSettings[ticketsJwksUrl=" + ticketsJwksUrl + ", ticketsIssuer=" + ticketsIssuer + ", visitorsJwksUrl="
                + visitorsJwksUrl + ", visitorsIssuer=" + visitorsIssuer + ", audience=" + audience + ", cacheTtl=" + cacheTtl
                + ", refetchInterval=" + refetchInterval + ", verifierThreads=" + verifierThreads + ", checkedSignaturesSecret="
                + (sharesCheckedSignatures() ? "(set)" : "(none)") + "]";
    }
}
