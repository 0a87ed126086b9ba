package dev.zendo.notifications.webhook;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook subscription as stored; never an API body.
 *
 * @param id                  its id
 * @param websiteId           the website whose events it receives
 * @param url                 where deliveries are POSTed
 * @param eventTypes          the types it wants ({@code *} for all)
 * @param description         what it is for
 * @param active              whether new events are queued and delivered
 * @param secretCiphertext    the signing secret, encrypted by {@link SecretCipher}
 * @param secretHint          the secret's last characters
 * @param consecutiveFailures deliveries given up in a row
 * @param disabledAt          when it was disabled for its failures
 * @param createdBy           the agent who created it
 * @param createdAt           when it was created
 * @param updatedAt           when it last changed
 */
public record Subscription(UUID id, UUID websiteId, String url, List<String> eventTypes, @Nullable String description,
                           boolean active, byte[] secretCiphertext, String secretHint, int consecutiveFailures,
                           @Nullable Instant disabledAt, String createdBy, Instant createdAt, Instant updatedAt) {

    @Override
    public String toString() {
        return "Subscription[id=" + id + ", websiteId=" + websiteId + ", active=" + active + "]";
    }
}
