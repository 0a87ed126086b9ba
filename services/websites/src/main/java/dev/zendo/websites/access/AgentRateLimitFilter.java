package dev.zendo.websites.access;

import dev.zendo.auth.agent.AgentTokenVerifier;
import dev.zendo.platform.ratelimit.RateLimit;
import dev.zendo.platform.ratelimit.RateLimiter;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;

/**
 * Limits every API request made with an agent's access token to {@code zendo.rate-limits.websites-api} per agent,
 * whatever the endpoint, so an endpoint added later is covered too. Requests without a valid agent token pass
 * untouched: the endpoint answers them (401, or its own kind of credentials).
 */
@ServerFilter("/v1/**")
class AgentRateLimitFilter {

    private final AgentTokenVerifier verifier;
    private final RateLimiter limiter;
    private final RateLimit perAgent;

    AgentRateLimitFilter(AgentTokenVerifier verifier, RateLimiter limiter, @Named("websites-api") RateLimit perAgent) {
        this.verifier = verifier;
        this.limiter = limiter;
        this.perAgent = perAgent;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void limit(HttpRequest<?> request) {
        verifier.verify(request).ifPresent(agent -> limiter.acquire(perAgent, agent.id()));
    }
}
