package dev.zendo.conversations.verification;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * Where the keyset that encrypts identity-verification secrets at rest is, and how long a rotated secret keeps working.
 *
 * @param keysetFile path of the Tink AEAD keyset file ({@code make up} generates it with {@code KeyTool aead-init})
 * @param keyset     the keyset itself, for deployments that hand it over as a secret; wins over the file
 * @param overlap    how long the previous secret still verifies after a rotation that names no overlap
 */
@ConfigurationProperties("zendo.conversations.identity-secrets")
public record IdentitySecretsSettings(
        @Nullable String keysetFile,
        @Nullable String keyset,
        @NotNull @Bindable(defaultValue = "24h") Duration overlap) {

    public IdentitySecretsSettings {
        if (overlap != null && (overlap.isNegative() || overlap.compareTo(IdentitySecrets.MAX_OVERLAP) > 0)) {
            throw new IllegalArgumentException("zendo.conversations.identity-secrets.overlap must be between 0s and "
                    + IdentitySecrets.MAX_OVERLAP + ", not " + overlap);
        }
    }
}
