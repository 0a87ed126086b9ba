package dev.zendo.conversations.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.UUID;

/**
 * An identity-verification secret as listings show it: never the secret itself.
 *
 * @param id        its id
 * @param hint      its last characters
 * @param current   whether host backends should sign with it
 * @param createdBy the agent who created it
 * @param createdAt when it was created
 * @param expiresAt when a previous secret stops verifying
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretView(UUID id, String hint, boolean current, String createdBy, Instant createdAt, @Nullable Instant expiresAt) {

    static SecretView of(IdentitySecret secret) {
        return new SecretView(secret.id(), secret.hint(), secret.expiresAt() == null, secret.createdBy(), secret.createdAt(),
                secret.expiresAt());
    }
}
