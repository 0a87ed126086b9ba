package dev.zendo.conversations.routing;

import jakarta.inject.Singleton;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.Tuple;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads agents' presence from the Redis keys the realtime edge writes (docs/protocol.md, "Presence keys"): per website a
 * sorted set of agents scored by when their presence expires unless an edge refreshes it, and a set of those away.
 */
@Singleton
public class Presence {

    /** Where edges announce presence changes: {@code <websiteId> <ONLINE|AWAY|OFFLINE> <agentId>}. */
    public static final String CHANNEL = "zendo:presence:changes";

    private final JedisPooled redis;
    private final Clock clock;

    Presence(JedisPooled redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** The sorted set of a website's agents, scored by expiry in epoch milliseconds. */
    public static String onlineKey(UUID websiteId) {
        return "zendo:presence:{" + websiteId + "}:online";
    }

    /** The set of a website's agents who are connected but away. */
    public static String awayKey(UUID websiteId) {
        return "zendo:presence:{" + websiteId + "}:away";
    }

    /** Who of {@code websiteId}'s agents is online, away, or when they were last seen, as of now. */
    public Snapshot of(UUID websiteId) {
        Map<String, Instant> expiries = new HashMap<>();
        for (Tuple entry : redis.zrangeWithScores(onlineKey(websiteId), 0, -1)) {
            expiries.put(entry.getElement(), Instant.ofEpochMilli((long) entry.getScore()));
        }
        return new Snapshot(clock.instant(), expiries, redis.smembers(awayKey(websiteId)));
    }

    /**
     * One reading of a website's presence.
     *
     * @param at       when it was read
     * @param expiries each agent an edge has announced, with the time its presence lapses unless refreshed
     * @param away     agents who set themselves away
     */
    public record Snapshot(Instant at, Map<String, Instant> expiries, Set<String> away) {

        /** Connected to some edge (online or away). */
        public boolean connected(String agentId) {
            Instant expiry = expiries.get(agentId);
            return expiry != null && expiry.isAfter(at);
        }

        /** Connected and not away: may get new threads. */
        public boolean available(String agentId) {
            return connected(agentId) && !away.contains(agentId);
        }

        /** When an agent who is not connected was last seen connected, if an edge ever announced it. */
        public Instant lastSeen(String agentId) {
            return expiries.get(agentId);
        }
    }
}
