package dev.zendo.identity.token;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * How forgiving refresh token rotation is to a client that retries.
 *
 * @param reuseGrace how long after a refresh token was exchanged presenting it again counts as a retry of a lost
 *                   response rather than a theft (0 turns retries off); at most 5 minutes
 */
@Context
@ConfigurationProperties("zendo.identity.refresh-token")
public record RefreshTokenSettings(@NotNull @Bindable(defaultValue = "10s") Duration reuseGrace) {

    public RefreshTokenSettings {
        if (reuseGrace != null && (reuseGrace.isNegative() || reuseGrace.compareTo(Duration.ofMinutes(5)) > 0)) {
            throw new IllegalArgumentException("zendo.identity.refresh-token.reuse-grace must be between 0s and 5m, not " + reuseGrace);
        }
    }
}
