package dev.zendo.conversations.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;

/**
 * A widget session.
 *
 * @param visitorToken          the visitor session token (ES256 JWT) for the widget API and the realtime edge
 * @param visitorTokenExpiresAt when it expires; a session within the last quarter of its life gets a new one
 * @param visitor               the visitor
 * @param conversation          its conversation, null before the first message
 * @param settings              the website's widget settings
 * @param agentsOnline          whether an agent who accepts chats is online now
 * @param queuePosition         the place of the visitor's waiting thread in its queue (1 is next), null when not waiting
 * @param realtime              where to receive live events and from where
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record SessionView(String visitorToken, Instant visitorTokenExpiresAt, VisitorView visitor,
                          @Nullable ConversationSummary conversation, WidgetSettingsView settings, boolean agentsOnline,
                          @Nullable Integer queuePosition, RealtimeView realtime) {
}
