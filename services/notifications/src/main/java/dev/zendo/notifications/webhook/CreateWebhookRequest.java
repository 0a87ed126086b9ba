package dev.zendo.notifications.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A new webhook subscription.
 *
 * @param url         where to POST events: https (http only for the allowed hosts of a development setup), at most
 *                    2048 characters, no user name or password, no fragment
 * @param eventTypes  the event types to receive (docs/webhooks.md), or {@code ["*"]} for all of them
 * @param description what it is for, at most 500 characters
 * @param active      whether events are delivered (default true)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CreateWebhookRequest(
        @NotBlank @Size(max = WebhookUrls.MAX_LENGTH) String url,
        @NotNull @NotEmpty @Size(max = EventTypes.MAX_CHOSEN) List<String> eventTypes,
        @Nullable @Size(max = Webhooks.MAX_DESCRIPTION) String description,
        @Nullable Boolean active) {
}
