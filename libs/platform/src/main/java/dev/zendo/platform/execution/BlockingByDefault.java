package dev.zendo.platform.execution;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;

import java.util.Map;

/**
 * Makes every Zendo service run a request whose controller method has a blocking signature (JDBC, Redis, argon2,
 * Kafka admin calls) on a fixed-size blocking pool rather than on a Netty event loop; reactive endpoints such as
 * {@code /health} stay on the event loop. These are defaults below every application file, variable and property:
 * a service or an operator may still override them (the startup bench does, to measure the old behaviour).
 */
@ContextConfigurer
public final class BlockingByDefault implements ApplicationContextConfigurer {

    /** Below application.yml (-300), environment variables (-200) and system properties (-100). */
    static final int POSITION = -1000;

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.propertySources(PropertySource.of("zendo-execution-defaults", Map.of(
                "micronaut.server.thread-selection", "AUTO",
                "micronaut.executors.blocking.type", "FIXED",
                "micronaut.executors.blocking.number-of-threads", "${zendo.execution.blocking-threads:" + ExecutionSettings.DEFAULT_BLOCKING_THREADS + "}"),
                POSITION));
    }
}
