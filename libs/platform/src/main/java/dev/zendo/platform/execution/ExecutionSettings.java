package dev.zendo.platform.execution;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How much blocking work a service runs at once, checked at startup.
 *
 * @param blockingThreads size of the fixed pool that runs blocking request handlers; requests beyond it queue
 */
@Context
@ConfigurationProperties("zendo.execution")
public record ExecutionSettings(
        @Min(1) @Max(1024) @Bindable(defaultValue = "" + ExecutionSettings.DEFAULT_BLOCKING_THREADS) int blockingThreads) {

    static final int DEFAULT_BLOCKING_THREADS = 32;
}
