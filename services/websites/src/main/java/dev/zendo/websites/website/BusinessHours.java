package dev.zendo.websites.website;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * When a website's agents answer.
 *
 * @param timeZone IANA time zone the hours are in, e.g. {@code Europe/Paris}
 * @param days     opening ranges per weekday
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record BusinessHours(@NotNull @TimeZoneId String timeZone, @NotNull @Valid WeeklyHours days) {
}
