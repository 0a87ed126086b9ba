package dev.zendo.identity.accountmail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;

import static dev.zendo.platform.settings.DurationBounds.requireAtLeast;

/**
 * How long the secrets of account mails live and where their links lead; checked at startup.
 *
 * @param verificationTtl       how long an email verification link works
 * @param passwordResetTtl      how long a password reset link works
 * @param signInCodeTtl         how long a sign-in code works
 * @param signInCodeMaxFailures wrong codes after which the open code is burned
 * @param verifyPathTemplate    dashboard path that confirms an email, {@code {token}} marking where its token goes
 * @param resetPathTemplate     dashboard path that sets a new password, {@code {token}} marking where its token goes
 */
@Context
@ConfigurationProperties("zendo.identity.account-mail")
public record AccountMailSettings(
        @NotNull @Bindable(defaultValue = "24h") Duration verificationTtl,
        @NotNull @Bindable(defaultValue = "30m") Duration passwordResetTtl,
        @NotNull @Bindable(defaultValue = "10m") Duration signInCodeTtl,
        @Min(1) @Max(20) @Bindable(defaultValue = "5") int signInCodeMaxFailures,
        @NotBlank @Bindable(defaultValue = "/verify-email#token={token}")
        @Pattern(regexp = "/\\S*\\{token}\\S*", message = "must be a path containing {token}") String verifyPathTemplate,
        @NotBlank @Bindable(defaultValue = "/reset-password#token={token}")
        @Pattern(regexp = "/\\S*\\{token}\\S*", message = "must be a path containing {token}") String resetPathTemplate) {

    public AccountMailSettings {
        requireAtLeast("zendo.identity.account-mail.verification-ttl", verificationTtl, Duration.ofMinutes(1));
        requireAtLeast("zendo.identity.account-mail.password-reset-ttl", passwordResetTtl, Duration.ofMinutes(1));
        requireAtLeast("zendo.identity.account-mail.sign-in-code-ttl", signInCodeTtl, Duration.ofMinutes(1));
    }
}
