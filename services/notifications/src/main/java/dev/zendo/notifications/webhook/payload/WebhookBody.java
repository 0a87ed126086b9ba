package dev.zendo.notifications.webhook.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.UUID;

/**
 * The JSON body of every delivery.
 *
 * @param id        the event's id: the same on every attempt and redelivery, for dropping duplicates
 * @param type      the event type, e.g. {@code message.created}
 * @param createdAt when the event happened
 * @param websiteId the website it happened in
 * @param data      the event's facts, shaped by its type (docs/webhooks.md)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookBody(UUID id, String type, Instant createdAt, UUID websiteId, Object data) {
}
