package dev.zendo.identity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

import static dev.zendo.platform.settings.DurationBounds.requireAtLeast;
import java.util.List;

/**
 * How identity treats credentials and sessions; every value has a default and is checked at startup.
 *
 * @param topic                where agent lifecycle events are published
 * @param refreshTokenTtl      how long a refresh token may be used (each use issues a new one with a full lifetime)
 * @param passwordMinLength    shortest password accepted
 * @param argon2MemoryKib      argon2id memory cost of new password hashes, in KiB
 * @param argon2Iterations     argon2id time cost of new password hashes
 * @param argon2Parallelism    argon2id lanes of new password hashes
 * @param argon2MaxConcurrent  most password hashes computed at once (each takes argon2MemoryKib of memory)
 * @param argon2MaxWait        how long a request waits for a hashing turn before it is answered 503
 * @param trustedProxies       CIDR ranges of gateways whose X-Forwarded-For names the client (only loopback by default)
 */
@Context
@ConfigurationProperties("zendo.identity")
public record IdentitySettings(
        @NotBlank @Bindable(defaultValue = "zendo.identity") String topic,
        @NotNull @Bindable(defaultValue = "30d") Duration refreshTokenTtl,
        @Min(10) @Max(128) @Bindable(defaultValue = "10") int passwordMinLength,
        @Min(8192) @Max(1048576) @Bindable(defaultValue = "19456") int argon2MemoryKib,
        @Min(1) @Max(20) @Bindable(defaultValue = "2") int argon2Iterations,
        @Min(1) @Max(16) @Bindable(defaultValue = "1") int argon2Parallelism,
        @Min(1) @Max(64) @Bindable(defaultValue = "4") int argon2MaxConcurrent,
        @NotNull @Bindable(defaultValue = "2s") Duration argon2MaxWait,
        @NotEmpty @Bindable(defaultValue = "127.0.0.0/8,::1/128") List<String> trustedProxies) {

    public IdentitySettings {
        requireAtLeast("zendo.identity.refresh-token-ttl", refreshTokenTtl, Duration.ofMinutes(1));
        requireAtLeast("zendo.identity.argon2-max-wait", argon2MaxWait, Duration.ofMillis(1));
    }
}
