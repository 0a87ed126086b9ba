package dev.zendo.notifications.webhook.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * One attempt of a delivery.
 *
 * @param attemptedAt     when it started
 * @param statusCode      the receiver's HTTP status; absent when no answer came (refused, timed out, blocked address)
 * @param latencyMs       how long it took, in milliseconds
 * @param responseExcerpt the first kilobyte of the answer's body, as text
 * @param error           why it failed, when not (only) for its status
 * @param manual          whether an owner or admin asked for it (redeliver)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttemptView(
        Instant attemptedAt,
        @Nullable @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Integer statusCode,
        long latencyMs,
        @Nullable @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String responseExcerpt,
        @Nullable @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String error,
        boolean manual) {
}
