package dev.zendo.notifications.outcome;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * A page of a website's notification log, newest first.
 *
 * @param notifications the page
 * @param nextCursor    pass it back as {@code cursor} for the next page; absent on the last one
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationPage(List<NotificationView> notifications, @Nullable String nextCursor) {
}
