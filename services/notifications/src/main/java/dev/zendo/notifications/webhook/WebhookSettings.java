package dev.zendo.notifications.webhook;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static dev.zendo.platform.settings.DurationBounds.requireAtLeast;

/**
 * How webhooks are stored, delivered and retried.
 *
 * @param keysetFile           path of the Tink AEAD keyset that encrypts signing secrets at rest ({@code KeyTool aead-init})
 * @param keyset               the keyset itself, for deployments that hand it over as a secret; wins over the file
 * @param allowedHosts         host names (as written in subscription URLs) exempt from the private-address refusal and
 *                             allowed over plain http: for local development and specs only
 * @param maxPerWebsite        the most subscriptions one website may have
 * @param attemptTimeout       the longest one delivery attempt may take, connecting included
 * @param initialBackoff       the pause after a first failed attempt; it doubles after each further failure
 * @param maxBackoff           the longest pause between two attempts
 * @param jitter               a random share of the pause added to it (0 to 1), so retries of many deliveries spread
 * @param retryWindow          how long after the event a delivery is retried before it is given up as failed
 * @param disableAfterFailures failed deliveries in a row (retries exhausted) after which a subscription is disabled
 * @param concurrency          attempts in flight at once on this instance (its own threads)
 * @param pollInterval         how often the dispatcher looks for due deliveries when nothing woke it
 * @param logRetention         how long finished deliveries and their attempts are kept
 */
@ConfigurationProperties("zendo.notifications.webhooks")
public record WebhookSettings(
        @Nullable String keysetFile,
        @Nullable String keyset,
        @Nullable List<String> allowedHosts,
        @Bindable(defaultValue = "20") @Min(1) @Max(1_000) int maxPerWebsite,
        @NotNull @Bindable(defaultValue = "10s") Duration attemptTimeout,
        @NotNull @Bindable(defaultValue = "30s") Duration initialBackoff,
        @NotNull @Bindable(defaultValue = "1h") Duration maxBackoff,
        @Bindable(defaultValue = "0.2") double jitter,
        @NotNull @Bindable(defaultValue = "24h") Duration retryWindow,
        @Bindable(defaultValue = "5") @Min(1) @Max(1_000) int disableAfterFailures,
        @Bindable(defaultValue = "8") @Min(1) @Max(256) int concurrency,
        @NotNull @Bindable(defaultValue = "1s") Duration pollInterval,
        @NotNull @Bindable(defaultValue = "30d") Duration logRetention) {

    public WebhookSettings {
        allowedHosts = allowedHosts == null ? List.of() : allowedHosts.stream()
                .map(String::strip).filter(host -> !host.isEmpty()).map(host -> host.toLowerCase(Locale.ROOT)).toList();
        requireAtLeast("zendo.notifications.webhooks.attempt-timeout", attemptTimeout, Duration.ofMillis(100));
        requireAtLeast("zendo.notifications.webhooks.initial-backoff", initialBackoff, Duration.ofMillis(10));
        requireAtLeast("zendo.notifications.webhooks.max-backoff", maxBackoff, initialBackoff);
        requireAtLeast("zendo.notifications.webhooks.retry-window", retryWindow, Duration.ZERO);
        requireAtLeast("zendo.notifications.webhooks.poll-interval", pollInterval, Duration.ofMillis(10));
        requireAtLeast("zendo.notifications.webhooks.log-retention", logRetention, Duration.ofHours(1));
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("zendo.notifications.webhooks.jitter must be between 0 and 1, not " + jitter);
        }
    }

    /** Whether {@code host} (a URL's host, any case) is exempt from the address rules. */
    public boolean allowed(String host) {
        return host != null && allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }
}
