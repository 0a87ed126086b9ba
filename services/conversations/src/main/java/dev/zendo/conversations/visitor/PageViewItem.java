package dev.zendo.conversations.visitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;

/**
 * A page a visitor viewed.
 *
 * @param url      the page's address
 * @param title    its title, when the widget sent one
 * @param referrer where the visitor came from, when known
 * @param viewedAt when
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageViewItem(String url, @Nullable String title, @Nullable String referrer, Instant viewedAt) {
}
