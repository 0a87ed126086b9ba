package dev.zendo.platform.ratelimit;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * One named limit, {@code zendo.rate-limits.<name>}: at most {@code capacity} permits per key, all given back at
 * once when {@code period} has passed since the window began. Inject it with {@code @Named("<name>")}.
 *
 * @param name     the limit's name, also part of its Redis keys
 * @param capacity permits per key and period
 * @param period   how often the permits are refilled
 */
@Context
@EachProperty("zendo.rate-limits")
public record RateLimit(
        @Parameter String name,
        @Min(1) @Max(1_000_000) @Bindable(defaultValue = "60") long capacity,
        @NotNull @Bindable(defaultValue = "1m") Duration period) {

    public RateLimit {
        if (period != null && period.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("zendo.rate-limits." + name + ".period must be at least PT1S, not " + period);
        }
    }
}
