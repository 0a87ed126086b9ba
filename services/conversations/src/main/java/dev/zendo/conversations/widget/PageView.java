package dev.zendo.conversations.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;

/**
 * A page the visitor looked at.
 *
 * @param url      its address
 * @param title    its title
 * @param referrer the page that linked to it
 * @param viewedAt when
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PageView(String url, @Nullable String title, @Nullable String referrer, Instant viewedAt) {
}
