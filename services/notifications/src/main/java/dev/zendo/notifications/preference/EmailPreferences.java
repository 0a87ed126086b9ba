package dev.zendo.notifications.preference;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotNull;

/**
 * Which optional mails a member gets about one website (account and access mails always go).
 *
 * @param newConversation a mail when a visitor starts a conversation
 * @param assignment      a mail when someone else assigns a conversation to you
 * @param offlineMessage  a mail when a visitor leaves a message while nobody is online (on until turned off)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record EmailPreferences(@NotNull Boolean newConversation, @NotNull Boolean assignment, @NotNull Boolean offlineMessage) {
}
