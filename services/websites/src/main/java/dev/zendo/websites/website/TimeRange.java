package dev.zendo.websites.website;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One opening range of a day, in local time.
 *
 * @param from {@code HH:mm}
 * @param to   {@code HH:mm} after {@code from}; {@code 24:00} for the end of the day
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@OrderedRange
public record TimeRange(
        @NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be a time HH:mm") String from,
        @NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d|24:00", message = "must be a time HH:mm") String to) {
}
