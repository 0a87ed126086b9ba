package dev.zendo.identity

import dev.zendo.testsupport.SteppingClock
import io.micronaut.context.annotation.Factory
import io.micronaut.context.annotation.Replaces
import io.micronaut.context.annotation.Requires
import jakarta.inject.Singleton

import java.time.Clock
import java.time.Instant
import java.time.temporal.ChronoUnit

/** Gives the service a clock the spec moves ({@code context.getBean(Clock)}), with {@code spec.clock: stepping}. */
@Factory
@Requires(property = 'spec.clock', value = 'stepping')
class SteppingClockFactory {

    @Singleton
    @Replaces(Clock)
    Clock steppingClock() {
        new SteppingClock(Instant.now().truncatedTo(ChronoUnit.MICROS))
    }
}
