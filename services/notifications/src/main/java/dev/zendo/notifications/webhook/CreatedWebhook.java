package dev.zendo.notifications.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A new webhook subscription, in the one answer that shows its signing secret.
 *
 * @param id          its id
 * @param websiteId   the website whose events it receives
 * @param url         where deliveries are POSTed
 * @param eventTypes  the event types it receives, or {@code ["*"]}
 * @param description what it is for
 * @param active      whether events are delivered
 * @param secret      the signing secret ({@code whsec_…}): the HMAC-SHA256 key of the Zendo-Signature header, never shown again
 * @param secretHint  its last characters, as listings show them
 * @param createdAt   when it was created
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreatedWebhook(
        UUID id,
        UUID websiteId,
        String url,
        List<String> eventTypes,
        @Nullable @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String description,
        boolean active,
        String secret,
        String secretHint,
        Instant createdAt) {

    @Override
    public String toString() {
        return "CreatedWebhook[id=" + id + ", secretHint=" + secretHint + "]";
    }
}
