package dev.zendo.platform.startup;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;

/** Starts a Zendo service; a start that fails prints one line naming the reason and exits with status 1. */
public final class ServiceLauncher extends Micronaut {

    private final String service;

    private ServiceLauncher(String service) {
        this.service = service;
    }

    /** Runs the service whose entry point is {@code application}. */
    public static void run(String service, Class<?> application, String... args) {
        new ServiceLauncher(service).mainClass(application).args(args).banner(false).start();
    }

    @Override
    protected void handleStartupException(Environment environment, Throwable exception) {
        System.err.println(service + ": cannot start: " + StartupFailure.describe(exception));
        System.exit(1);
    }
}
