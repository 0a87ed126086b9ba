package dev.zendo.conversations.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.UUID;

/**
 * A new identity-verification secret, in the one answer that shows it.
 *
 * @param id                 its id
 * @param secret             the secret: the host backend's HMAC-SHA256 key for user tokens, never shown again
 * @param hint               its last characters, as listings show them
 * @param createdAt          when it was created
 * @param previousValidUntil until when the secret it replaced still verifies, when there was one
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuedSecret(UUID id, String secret, String hint, Instant createdAt, @Nullable Instant previousValidUntil) {

    @Override
    public String toString() {
        return "IssuedSecret[id=" + id + ", hint=" + hint + "]";
    }
}
