package dev.zendo.notifications.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Changes to a webhook subscription; fields left out keep their value.
 *
 * @param url         where to POST events, as on creation
 * @param eventTypes  the event types to receive, or {@code ["*"]}
 * @param description what it is for; an empty string removes it
 * @param active      {@code false} stops deliveries; {@code true} resumes them and clears an automatic disabling
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record UpdateWebhookRequest(
        @Nullable @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Size(max = WebhookUrls.MAX_LENGTH) String url,
        @Nullable @Size(min = 1, max = EventTypes.MAX_CHOSEN) List<String> eventTypes,
        @Nullable @Size(max = Webhooks.MAX_DESCRIPTION) String description,
        @Nullable Boolean active) {
}
