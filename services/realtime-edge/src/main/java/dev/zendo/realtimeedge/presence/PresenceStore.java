package dev.zendo.realtimeedge.presence;

import dev.zendo.events.v1.PresenceStatus;
import jakarta.inject.Singleton;
import redis.clients.jedis.JedisPooled;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Agents' presence in Redis, under the keys of docs/protocol.md "Presence keys". Every change runs in one Lua script
 * per website that updates a node's leases on agents and then compares what the leases and the away set say with
 * the status last announced; only the call that changes the announced status publishes it and returns it, so each
 * transition happens exactly once whichever nodes race.
 */
@Singleton
class PresenceStore {

    /** Where every transition is published: {@code <websiteId> <ONLINE|AWAY|OFFLINE> <agentId>}. */
    static final String CHANNEL = "zendo:presence:changes";
    /** Websites with presence state, scored by when a node last held a lease in them (epoch milliseconds). */
    static final String WEBSITES = "zendo:presence:websites";

    private static final int AGENTS_PER_CALL = 200;

    private static final LuaScript CHANGE = new LuaScript("""
            local online, away, announced, versions = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
            local website, operation, holder, ttl = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local changes = {}

            local function reconcile(agent, leases)
              redis.call('ZREMRANGEBYSCORE', leases, '-inf', now)
              local status = 'OFFLINE'
              if redis.call('EXISTS', leases) == 1 then
                status = redis.call('SISMEMBER', away, agent) == 1 and 'AWAY' or 'ONLINE'
              end
              local before = redis.call('HGET', announced, agent) or 'OFFLINE'
              if status == before then
                return
              end
              if status == 'OFFLINE' then
                redis.call('HDEL', announced, agent)
                redis.call('SREM', away, agent)
                redis.call('ZADD', online, now, agent)
              else
                redis.call('HSET', announced, agent, status)
              end
              local version = redis.call('HINCRBY', versions, agent, 1)
              redis.call('PUBLISH', '%s', website .. ' ' .. status .. ' ' .. agent)
              changes[#changes + 1] = agent
              changes[#changes + 1] = status
              changes[#changes + 1] = version
            end

            for i = 5, #KEYS do
              local agent, leases = ARGV[i], KEYS[i]
              if operation == 'acquire' then
                local expiry = now + ttl
                redis.call('ZADD', leases, expiry, holder)
                redis.call('PEXPIREAT', leases, redis.call('ZRANGE', leases, -1, -1, 'WITHSCORES')[2])
                redis.call('ZADD', online, 'GT', expiry, agent)
              elseif operation == 'release' then
                redis.call('ZREM', leases, holder)
              elseif operation == 'away' then
                if redis.call('ZCOUNT', leases, string.format('(%%d', now), '+inf') > 0 then
                  redis.call('SADD', away, agent)
                end
              elseif operation == 'back' then
                redis.call('SREM', away, agent)
              end
              reconcile(agent, leases)
            end
            return changes
            """.formatted(CHANNEL));

    private static final LuaScript FORGET_IF_UNTOUCHED = new LuaScript("""
            local touched = redis.call('ZSCORE', KEYS[1], ARGV[1])
            if touched and tonumber(touched) < tonumber(ARGV[2]) then
              redis.call('ZREM', KEYS[1], ARGV[1])
            end
            """);

    private final JedisPooled redis;

    PresenceStore(JedisPooled redis) {
        this.redis = redis;
    }

    /** The sorted set conversations reads: agent ids scored by when their presence lapses unless refreshed. */
    static String onlineKey(UUID websiteId) {
        return "zendo:presence:{" + websiteId + "}:online";
    }

    /** The set of agents who are connected but set themselves away. */
    static String awayKey(UUID websiteId) {
        return "zendo:presence:{" + websiteId + "}:away";
    }

    /** Per agent, the status last announced (ONLINE or AWAY; absent: OFFLINE). */
    static String announcedKey(UUID websiteId) {
        return "zendo:presence:{" + websiteId + "}:announced";
    }

    /** Per agent, how many transitions were announced: the version each {@code PresenceChanged} carries. */
    static String versionsKey(UUID websiteId) {
        return "zendo:presence:{" + websiteId + "}:versions";
    }

    /** The nodes holding a lease on an agent, scored by when each lease lapses unless renewed. */
    static String leasesKey(UUID websiteId, String agentId) {
        return "zendo:presence:{" + websiteId + "}:leases:" + agentId;
    }

    /** Notes that this node holds leases in {@code websiteIds} as of {@code now}, so sweepers look at them. */
    void touch(Collection<UUID> websiteIds, Instant now) {
        double score = now.toEpochMilli();
        redis.zadd(WEBSITES, websiteIds.stream().collect(Collectors.toMap(UUID::toString, id -> score)));
    }

    /** Takes or renews {@code holder}'s lease on each agent for {@code ttl}; agents who were offline come online. */
    List<PresenceTransition> acquire(UUID websiteId, String holder, Duration ttl, Collection<String> agentIds) {
        return change(websiteId, "acquire", holder, ttl.toMillis(), agentIds);
    }

    /** Gives up {@code holder}'s lease on each agent; agents no other node holds go offline. */
    List<PresenceTransition> release(UUID websiteId, String holder, Collection<String> agentIds) {
        return change(websiteId, "release", holder, 0, agentIds);
    }

    /** Sets a connected agent away, or back online; an agent without a live lease stays offline. */
    List<PresenceTransition> away(UUID websiteId, String agentId, boolean away) {
        return change(websiteId, away ? "away" : "back", "", 0, List.of(agentId));
    }

    /** Every website with presence state. */
    List<UUID> websites() {
        return redis.zrange(WEBSITES, 0, -1).stream().map(UUID::fromString).toList();
    }

    /**
     * Announces offline the website's agents whose leases all lapsed. A website with no agent online or away that no
     * node touched since {@code staleBefore} is dropped from {@link #WEBSITES}.
     */
    List<PresenceTransition> sweep(UUID websiteId, Instant staleBefore) {
        Set<String> announced = redis.hkeys(announcedKey(websiteId));
        if (announced.isEmpty()) {
            FORGET_IF_UNTOUCHED.run(redis, List.of(WEBSITES), List.of(websiteId.toString(), Long.toString(staleBefore.toEpochMilli())));
            return List.of();
        }
        return change(websiteId, "sweep", "", 0, announced);
    }

    private List<PresenceTransition> change(UUID websiteId, String operation, String holder, long ttlMillis, Collection<String> agentIds) {
        List<PresenceTransition> transitions = new ArrayList<>();
        List<String> agents = List.copyOf(agentIds);
        for (int from = 0; from < agents.size(); from += AGENTS_PER_CALL) {
            List<String> batch = agents.subList(from, Math.min(agents.size(), from + AGENTS_PER_CALL));
            List<String> keys = new ArrayList<>(List.of(onlineKey(websiteId), awayKey(websiteId), announcedKey(websiteId),
                    versionsKey(websiteId)));
            batch.forEach(agent -> keys.add(leasesKey(websiteId, agent)));
            List<String> args = new ArrayList<>(List.of(websiteId.toString(), operation, holder, Long.toString(ttlMillis)));
            args.addAll(batch);
            List<?> changes = (List<?>) CHANGE.run(redis, keys, args);
            for (int i = 0; i < changes.size(); i += 3) {
                transitions.add(new PresenceTransition(websiteId, (String) changes.get(i), status((String) changes.get(i + 1)),
                        (Long) changes.get(i + 2)));
            }
        }
        return transitions;
    }

    private static PresenceStatus status(String announced) {
        return PresenceStatus.valueOf("PRESENCE_STATUS_" + announced);
    }
}
