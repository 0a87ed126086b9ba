package dev.zendo.conversations.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Where the widget receives live events.
 *
 * @param url    the realtime edge's WebSocket URL
 * @param cursor the opaque resume cursor: events from it on are those the session's snapshot may not show
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RealtimeView(String url, String cursor) {
}
