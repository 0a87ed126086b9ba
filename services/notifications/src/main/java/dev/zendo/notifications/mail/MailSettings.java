package dev.zendo.notifications.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

import static dev.zendo.platform.settings.DurationBounds.requireAtLeast;

/**
 * The SMTP server mail goes to, and how the queue retries it.
 *
 * @param host           the SMTP server
 * @param port           its port
 * @param security       {@code none}, {@code starttls} (required) or {@code tls} (SMTPS)
 * @param username       the login, or empty for none
 * @param password       the password of the login
 * @param from           the sender, e.g. {@code Zendo <no-reply@example.com>}
 * @param connectTimeout how long connecting may take
 * @param timeout        how long one read or write of the SMTP dialogue may take
 * @param pollInterval   how often the queue looks for due mail
 * @param batchSize      mails taken per look
 * @param firstBackoff   the pause after a first failed attempt; it doubles per attempt
 * @param maxBackoff     the longest pause between attempts
 * @param giveUpAfter    how long a mail is tried before it is given up as failed
 */
@Context
@ConfigurationProperties("zendo.notifications.mail")
public record MailSettings(
        @NotBlank String host,
        @Min(1) @Max(65_535) int port,
        @NotNull @Bindable(defaultValue = "none") Security security,
        @Nullable String username,
        @Nullable String password,
        @NotBlank String from,
        @NotNull @Bindable(defaultValue = "5s") Duration connectTimeout,
        @NotNull @Bindable(defaultValue = "10s") Duration timeout,
        @NotNull @Bindable(defaultValue = "500ms") Duration pollInterval,
        @Bindable(defaultValue = "20") @Min(1) @Max(500) int batchSize,
        @NotNull @Bindable(defaultValue = "2s") Duration firstBackoff,
        @NotNull @Bindable(defaultValue = "10m") Duration maxBackoff,
        @NotNull @Bindable(defaultValue = "48h") Duration giveUpAfter) {

    public MailSettings {
        requireAtLeast("zendo.notifications.mail.connect-timeout", connectTimeout, Duration.ofMillis(100));
        requireAtLeast("zendo.notifications.mail.timeout", timeout, Duration.ofMillis(100));
        requireAtLeast("zendo.notifications.mail.poll-interval", pollInterval, Duration.ofMillis(10));
        requireAtLeast("zendo.notifications.mail.first-backoff", firstBackoff, Duration.ofMillis(10));
        requireAtLeast("zendo.notifications.mail.max-backoff", maxBackoff, firstBackoff);
        requireAtLeast("zendo.notifications.mail.give-up-after", giveUpAfter, maxBackoff);
        if (from != null && !from.isBlank()) {
            try {
                new InternetAddress(from, true);
            } catch (AddressException e) {
                throw new IllegalArgumentException("zendo.notifications.mail.from is no mail address: " + from);
            }
        }
    }

    /** Whether the server wants a login. */
    boolean authenticates() {
        return username != null && !username.isBlank();
    }

    /** The pause after the {@code attempts}-th failure: the first backoff, doubling, at most the max. */
    Duration backoff(int attempts) {
        Duration backoff = firstBackoff;
        for (int i = 1; i < attempts && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) < 0 ? backoff : maxBackoff;
    }

    /** How the connection to the SMTP server is protected. */
    public enum Security {
        /** Plain SMTP (a local catcher such as GreenMail). */
        NONE,
        /** SMTP upgraded with STARTTLS, which the server must offer. */
        STARTTLS,
        /** SMTP over TLS from the first byte (SMTPS). */
        TLS
    }
}
