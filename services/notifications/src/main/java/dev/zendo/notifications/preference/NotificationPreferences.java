package dev.zendo.notifications.preference;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A member's notification preferences for one website, by channel.
 *
 * @param email the optional mails, each on or off
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record NotificationPreferences(@NotNull @Valid EmailPreferences email) {
}
