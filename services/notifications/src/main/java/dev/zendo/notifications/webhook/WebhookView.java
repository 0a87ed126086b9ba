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
 * A webhook subscription as owners and admins see it: never its secret.
 *
 * @param id                  its id
 * @param websiteId           the website whose events it receives
 * @param url                 where deliveries are POSTed
 * @param eventTypes          the event types it receives, or {@code ["*"]}
 * @param description         what it is for
 * @param active              whether events are delivered
 * @param secretHint          the signing secret's last characters
 * @param consecutiveFailures deliveries given up in a row since the last one delivered
 * @param disabledAt          when it was disabled automatically after failing deliveries
 * @param createdAt           when it was created
 * @param updatedAt           when it last changed
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(
        UUID id,
        UUID websiteId,
        String url,
        List<String> eventTypes,
        @Nullable @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String description,
        boolean active,
        String secretHint,
        int consecutiveFailures,
        @Nullable @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Instant disabledAt,
        Instant createdAt,
        Instant updatedAt) {

    static WebhookView of(Subscription s) {
        return new WebhookView(s.id(), s.websiteId(), s.url(), s.eventTypes(), s.description(), s.active(), s.secretHint(),
                s.consecutiveFailures(), s.disabledAt(), s.createdAt(), s.updatedAt());
    }
}
