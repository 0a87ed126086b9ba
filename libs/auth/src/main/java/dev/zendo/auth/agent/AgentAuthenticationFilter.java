package dev.zendo.auth.agent;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Named;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Answers 401 to a request for an endpoint that takes an {@link AuthenticatedAgent} when it carries no valid access
 * token, before any of its other arguments are read: a caller without a valid token learns nothing about its input.
 * Other requests pass straight on, on their event loop; a request that needs an agent is verified on the blocking pool,
 * since verifying may fetch identity's JWKS, and the outcome stays on the request for the binder.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(bean = AgentTokenVerifier.class)
class AgentAuthenticationFilter {

    private final AgentTokenVerifier verifier;
    private final Executor blocking;
    private final Map<Object, Boolean> routesNeedingAgent = new ConcurrentHashMap<>();

    AgentAuthenticationFilter(AgentTokenVerifier verifier, @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.verifier = verifier;
        this.blocking = blocking;
    }

    @RequestFilter
    CompletionStage<HttpRequest<?>> authenticate(HttpRequest<?> request, @Nullable RouteMatch<?> route) {
        if (!(route instanceof MethodBasedRouteMatch<?, ?> method) || !needsAgent(method)) {
            return CompletableFuture.completedFuture(request);
        }
        CompletableFuture<HttpRequest<?>> verified = new CompletableFuture<>();
        blocking.execute(() -> {
            try {
                if (verifier.verify(request).isEmpty()) {
                    verified.completeExceptionally(AuthenticatedAgentBinder.unauthorized());
                } else {
                    verified.complete(request);
                }
            } catch (RuntimeException e) {
                verified.completeExceptionally(e);
            }
        });
        return verified;
    }

    private boolean needsAgent(MethodBasedRouteMatch<?, ?> route) {
        return routesNeedingAgent.computeIfAbsent(route.getRouteInfo(), info -> Arrays.stream(route.getArguments())
                .anyMatch(argument -> argument.getType() == AuthenticatedAgent.class));
    }
}
