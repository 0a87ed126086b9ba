package dev.zendo.realtimeedge.origins;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;

import java.util.Map;

/** Readiness: the node knows every website's allowed origins (it has read {@code zendo.websites} up to its start). */
@Singleton
@Readiness
class WebsiteDirectoryHealth extends AbstractHealthIndicator<Map<String, Object>> {

    private final WebsiteDirectory directory;

    WebsiteDirectoryHealth(WebsiteDirectory directory) {
        this.directory = directory;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = directory.caughtUp() ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("caught_up", directory.caughtUp());
    }

    @Override
    protected String getName() {
        return "websites";
    }
}
