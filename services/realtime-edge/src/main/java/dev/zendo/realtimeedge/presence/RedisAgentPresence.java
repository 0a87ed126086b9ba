package dev.zendo.realtimeedge.presence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * This node's side of agents' presence: counts each agent's connections per website, holds a lease in Redis on every
 * agent with a connection here (renewed every refresh interval, kept for the grace period after the last connection
 * closes), and sweeps lapsed leases of every node. All of it runs on the presence thread, in the order of the calls;
 * Redis failures are logged and counted, and the next refresh or sweep repairs what they left undone. Created at
 * startup, so every node sweeps from the start, connections or not.
 */
@Context
class RedisAgentPresence implements AgentPresence {

    private static final Logger LOG = LoggerFactory.getLogger(RedisAgentPresence.class);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);
    private static final int STALE_WEBSITE_TTLS = 3;

    private final PresenceStore store;
    private final PresenceAnnouncer announcer;
    private final PresenceSettings settings;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final String holder;
    private final Counter failures;
    private final Map<Holding, Integer> connections = new HashMap<>();
    private final Map<Holding, ScheduledFuture<?>> releases = new HashMap<>();

    RedisAgentPresence(PresenceStore store, PresenceAnnouncer announcer, PresenceSettings settings,
                       @Named(PresenceExecutorFactory.NAME) ScheduledExecutorService executor, Clock clock,
                       @Value("${zendo.realtime.node-id:}") String nodeId, MeterRegistry meters) {
        this.store = store;
        this.announcer = announcer;
        this.settings = settings;
        this.executor = executor;
        this.clock = clock;
        this.holder = (nodeId.isBlank() ? defaultNodeId() : nodeId) + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.failures = Counter.builder("zendo.realtime.presence.failures")
                .description("Presence updates that failed to reach Redis; the next refresh or sweep repairs them")
                .register(meters);
    }

    @PostConstruct
    void start() {
        long refresh = settings.refreshInterval().toMillis();
        long sweep = settings.sweepInterval().toMillis();
        executor.scheduleAtFixedRate(this::refresh, refresh, refresh, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    @Override
    public void connected(String agentId, Set<UUID> websiteIds) {
        submit(() -> websiteIds.forEach(websiteId -> {
            Holding holding = new Holding(websiteId, agentId);
            int count = connections.merge(holding, 1, Integer::sum);
            ScheduledFuture<?> pendingRelease = releases.remove(holding);
            if (pendingRelease != null) {
                pendingRelease.cancel(false);
            } else if (count == 1) {
                attempt(() -> {
                    store.touch(List.of(websiteId), clock.instant());
                    announcer.announce(store.acquire(websiteId, holder, settings.ttl(), List.of(agentId)));
                });
            }
        }));
    }

    @Override
    public void disconnected(String agentId, Set<UUID> websiteIds) {
        submit(() -> websiteIds.forEach(websiteId -> {
            Holding holding = new Holding(websiteId, agentId);
            Integer count = connections.get(holding);
            if (count == null) {
                return;
            }
            if (count > 1) {
                connections.put(holding, count - 1);
            } else {
                connections.remove(holding);
                releases.put(holding, executor.schedule(() -> release(holding), settings.grace().toMillis(), TimeUnit.MILLISECONDS));
            }
        }));
    }

    @Override
    public void away(String agentId, Set<UUID> websiteIds, boolean away) {
        submit(() -> websiteIds.forEach(websiteId -> attempt(() -> announcer.announce(store.away(websiteId, agentId, away)))));
    }

    private void release(Holding holding) {
        releases.remove(holding);
        attempt(() -> announcer.announce(store.release(holding.websiteId(), holder, List.of(holding.agentId()))));
    }

    private void refresh() {
        Map<UUID, Set<String>> held = held();
        if (held.isEmpty()) {
            return;
        }
        attempt(() -> store.touch(held.keySet(), clock.instant()));
        held.forEach((websiteId, agentIds) -> attempt(() -> announcer.announce(store.acquire(websiteId, holder, settings.ttl(), agentIds))));
    }

    private void sweep() {
        Instant staleBefore = clock.instant().minus(settings.ttl().multipliedBy(STALE_WEBSITE_TTLS));
        List<UUID> websites;
        try {
            websites = store.websites();
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        websites.forEach(websiteId -> attempt(() -> announcer.announce(store.sweep(websiteId, staleBefore))));
    }

    /** The agents this node holds a lease on, by website: connected here, or within the grace after their last close. */
    private Map<UUID, Set<String>> held() {
        Set<Holding> holdings = new HashSet<>(connections.keySet());
        holdings.addAll(releases.keySet());
        return holdings.stream().collect(Collectors.groupingBy(Holding::websiteId,
                Collectors.mapping(Holding::agentId, Collectors.toSet())));
    }

    private void submit(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.debug("presence: the node is stopping, a change is not recorded");
        }
    }

    private void attempt(Runnable redisWork) {
        try {
            redisWork.run();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(RuntimeException e) {
        failures.increment();
        LOG.warn("presence: Redis update failed ({}); the next refresh or sweep repairs it", e.toString());
    }

    /** Gives up every lease this node holds, so agents connected nowhere else are announced offline at once. */
    @PreDestroy
    void close() throws InterruptedException {
        try {
            executor.submit(() -> {
                releases.values().forEach(release -> release.cancel(false));
                Map<UUID, Set<String>> held = held();
                connections.clear();
                releases.clear();
                held.forEach((websiteId, agentIds) -> attempt(() -> announcer.announce(store.release(websiteId, holder, agentIds))));
            }).get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
            LOG.warn("presence: could not give up this node's leases at shutdown ({}); they lapse within {}", e.toString(), settings.ttl());
        }
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    private record Holding(UUID websiteId, String agentId) {
    }
}
