package dev.zendo.notifications.webhook.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event's delivery to a subscription, with its attempts.
 *
 * @param id            the delivery's id (the Zendo-Delivery-Id header)
 * @param eventId       the event's id (the body's id, the Zendo-Event-Id header)
 * @param eventType     the event's type
 * @param status        {@code pending}, {@code delivered} or {@code failed}
 * @param createdAt     when the event was queued for the subscription
 * @param nextAttemptAt when a pending delivery is tried next
 * @param finishedAt    when it was delivered or given up
 * @param attempts      every attempt, oldest first
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(
        UUID id,
        UUID eventId,
        String eventType,
        DeliveryStatus status,
        Instant createdAt,
        @Nullable @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Instant nextAttemptAt,
        @Nullable @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Instant finishedAt,
        List<AttemptView> attempts) {
}
