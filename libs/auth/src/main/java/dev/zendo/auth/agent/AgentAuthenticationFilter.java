package dev.zendo.auth.agent;

import dev.zendo.platform.http.ApiException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;

import java.util.Arrays;

/**
 * Answers 401 to a request for an endpoint that takes an {@link AuthenticatedAgent} when it carries no valid access
 * token, before any of its other arguments are read: a caller without a valid token learns nothing about its input.
 * Runs on the blocking pool, since verifying may fetch identity's JWKS; the outcome stays on the request for the binder.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(bean = AgentTokenVerifier.class)
class AgentAuthenticationFilter {

    private final AgentTokenVerifier verifier;

    AgentAuthenticationFilter(AgentTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void authenticate(HttpRequest<?> request) {
        boolean needsAgent = RouteAttributes.getRouteMatch(request)
                .filter(MethodBasedRouteMatch.class::isInstance)
                .map(match -> Arrays.stream(((MethodBasedRouteMatch<?, ?>) match).getArguments())
                        .anyMatch(argument -> argument.getType() == AuthenticatedAgent.class))
                .orElse(false);
        if (needsAgent && verifier.verify(request).isEmpty()) {
            throw AuthenticatedAgentBinder.unauthorized();
        }
    }
}
