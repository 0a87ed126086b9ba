package dev.zendo.conversations.replica

import dev.zendo.events.v1.Envelope
import dev.zendo.events.v1.KeyKind
import io.micronaut.context.ApplicationContext

import java.time.Duration
import java.time.Instant

import static dev.zendo.conversations.replica.ReplicaEvents.*
import static dev.zendo.events.v1.Role.ROLE_ADMIN
import static dev.zendo.events.v1.Role.ROLE_AGENT
import static dev.zendo.events.v1.Role.ROLE_OWNER
import static dev.zendo.events.v1.Role.ROLE_SUPERVISOR
import static dev.zendo.events.v1.Role.ROLE_VIEWER
import static dev.zendo.events.v1.RoutingStrategy.ROUTING_STRATEGY_LEAST_LOADED
import static dev.zendo.events.v1.RoutingStrategy.ROUTING_STRATEGY_ROUND_ROBIN
import static dev.zendo.events.v1.RoutingStrategy.ROUTING_STRATEGY_STICKY

/** The replica is rebuilt identically from a replayed topic: a fresh database and a new consumer group end in the same rows. */
class ReplicaReplaySpec extends ReplicaSpecification {

    static final List<String> TABLES = ['replica_websites', 'replica_keys', 'replica_members', 'replica_groups',
                                        'replica_group_members', 'replica_agents']

    ApplicationContext first
    ApplicationContext second

    def cleanup() {
        first?.close()
        second?.close()
    }

    def 'a fresh database consuming both topics from the start ends with exactly the rows of the first'() {
        given:
        def topics = newTopics()
        def websites = (1..8).collectMany { history(UUID.randomUUID().toString(), it) }
        def agents = (1..8).collectMany { agentHistory("agent-$it", it) }
        publish(topics.websites, websites)
        publish(topics.identity, agents)

        when:
        first = start(topics)
        awaitProcessed(first, websites + agents)
        def before = snapshot(first)
        first.close()
        second = start(topics)
        awaitProcessed(second, websites + agents)

        then:
        before.replica_websites.size() == 8
        before.replica_keys.size() > 16
        !before.replica_members.empty
        !before.replica_group_members.empty
        before.replica_agents.size() == 8
        snapshot(second) == before
    }

    /** A website's life: members come and go, keys rotate and get revoked, groups change; every third is deleted. */
    private static List<Envelope> history(String w, int n) {
        def general = UUID.randomUUID().toString()
        def sales = UUID.randomUUID().toString()
        def roles = [ROLE_ADMIN, ROLE_SUPERVISOR, ROLE_AGENT, ROLE_VIEWER]
        def events = [created(w, general, "Site $n"), memberAdded(w, 'agent-1', ROLE_OWNER, 5, true),
                      group(w, general, 'General', ROUTING_STRATEGY_ROUND_ROBIN, true, ['agent-1'])]
        (2..(2 + n % 4)).each { a ->
            events << memberAdded(w, "agent-$a", roles[a % 4], a, a % 2 == 0)
            events << group(w, general, 'General', ROUTING_STRATEGY_ROUND_ROBIN, true, (1..a).collect { "agent-$it".toString() })
        }
        events << roleChanged(w, 'agent-2', roles[2 % 4], ROLE_SUPERVISOR, 7, false)
        events << updated(w, "Site $n renamed", ["o${n}.example".toString()], "#${n}${n}${n}")
        events << publicKeyRotated(w, "pk2-$w", "pk_2_$w", "pkid-$w", Instant.parse('2030-01-01T00:00:00Z').plus(Duration.ofMinutes(n)))
        events << secretKeyRotated(w, "sk2-$w", "sk_2_$w", "skid-$w", Instant.parse('2030-01-01T00:00:00Z'))
        events << keyRevoked(w, "skid-$w", KeyKind.KEY_KIND_SECRET)
        events << group(w, sales, 'Sales', n % 2 ? ROUTING_STRATEGY_STICKY : ROUTING_STRATEGY_LEAST_LOADED, false, ['agent-2'])
        if (n % 2 == 0) {
            events << group(w, sales, 'Sales', ROUTING_STRATEGY_LEAST_LOADED, true, ['agent-2', 'agent-1'])
            events << memberRemoved(w, 'agent-2')
            events << invitation(w)
        }
        if (n % 3 == 0) {
            events << deleted(w)
        }
        events
    }

    private static List<Envelope> agentHistory(String agent, int n) {
        def events = [agentRegistered(agent, "Agent $n")]
        if (n % 2 == 0) {
            events << agentUpdated(agent, "Agent $n renamed", "https://x.example/${n}.png")
        }
        if (n % 3 == 0) {
            events << agentDisabled(agent)
        }
        events
    }

    /** Every replica row of {@code context}, as JSON text per table, sorted. */
    private static Map<String, List<String>> snapshot(ApplicationContext context) {
        TABLES.collectEntries { table ->
            [table, rows(context, "SELECT row_to_json(t)::text FROM $table t ORDER BY 1")*.getAt(0)]
        }
    }
}
