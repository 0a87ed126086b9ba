package dev.zendo.platform.time;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** The clock every timestamp of a service is read from, ticking in microseconds as PostgreSQL keeps them. */
@Factory
class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
