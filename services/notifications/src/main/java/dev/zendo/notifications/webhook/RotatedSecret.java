package dev.zendo.notifications.webhook;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.UUID;

/**
 * A subscription's new signing secret, in the one answer that shows it; the previous secret stops signing at once.
 *
 * @param id         the subscription's id
 * @param secret     the new signing secret, never shown again
 * @param secretHint its last characters
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RotatedSecret(UUID id, String secret, String secretHint) {

    @Override
    public String toString() {
        return "RotatedSecret[id=" + id + ", secretHint=" + secretHint + "]";
    }
}
