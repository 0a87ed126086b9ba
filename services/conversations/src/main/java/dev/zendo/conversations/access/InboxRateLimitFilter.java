package dev.zendo.conversations.access;

import dev.zendo.auth.agent.AgentTokenVerifier;
import dev.zendo.platform.ratelimit.RateLimit;
import dev.zendo.platform.ratelimit.RateLimiter;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;

import java.util.Set;

/**
 * Limits every inbox request per agent, whatever the endpoint (so one added later is covered too): {@code GET}s (and {@code HEAD}s) against
 * {@code zendo.rate-limits.inbox-reads}, every other method against {@code inbox-writes}. Requests without a valid agent
 * token pass untouched: the endpoint answers them 401.
 */
@ServerFilter("/v1/inbox/**")
class InboxRateLimitFilter {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final AgentTokenVerifier verifier;
    private final RateLimiter limiter;
    private final RateLimit reads;
    private final RateLimit writes;

    InboxRateLimitFilter(AgentTokenVerifier verifier, RateLimiter limiter, @Named("inbox-reads") RateLimit reads,
                         @Named("inbox-writes") RateLimit writes) {
        this.verifier = verifier;
        this.limiter = limiter;
        this.reads = reads;
        this.writes = writes;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void limit(HttpRequest<?> request) {
        RateLimit limit = READS.contains(request.getMethod()) ? reads : writes;
        verifier.verify(request).ifPresent(agent -> limiter.acquire(limit, agent.id()));
    }
}
