package dev.zendo.platform.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.health.indicator.HealthResult;

import java.util.Map;

/**
 * Health asked through the public gateway (which marks such calls with {@value #CALLER_HEADER}) answers only the
 * service's name and status; callers inside the network, on the service's own port, get the details.
 */
@ServerFilter({"/health", "/health/**"})
final class PublicHealthFilter {

    /** The header the gateway sets, overriding the client's, on the health routes it exposes. */
    static final String CALLER_HEADER = "X-Zendo-Health-Caller";

    @ResponseFilter
    void statusOnly(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getHeaders().contains(CALLER_HEADER) && response.getBody().orElse(null) instanceof HealthResult health) {
            response.body(Map.of("name", health.getName(), "status", health.getStatus().getName()));
        }
    }
}
