package dev.zendo.realtimeedge.presence;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The one thread that runs this node's presence work: callers' changes, lease refreshes and sweeps, in order. */
@Factory
class PresenceExecutorFactory {

    static final String NAME = "presence";

    @Singleton
    @Named(NAME)
    @Bean(preDestroy = "shutdownNow")
    ScheduledExecutorService presenceExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "edge-presence");
            thread.setDaemon(true);
            return thread;
        });
    }
}
