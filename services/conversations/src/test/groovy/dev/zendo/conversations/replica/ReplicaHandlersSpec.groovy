package dev.zendo.conversations.replica

import dev.zendo.events.v1.KeyKind
import io.micronaut.context.ApplicationContext
import spock.lang.AutoCleanup
import spock.lang.Shared

import java.sql.Timestamp
import java.time.Instant

import static dev.zendo.conversations.replica.ReplicaEvents.*
import static dev.zendo.events.v1.Role.ROLE_ADMIN
import static dev.zendo.events.v1.Role.ROLE_AGENT
import static dev.zendo.events.v1.Role.ROLE_OWNER
import static dev.zendo.events.v1.Role.ROLE_SUPERVISOR
import static dev.zendo.events.v1.Role.ROLE_UNSPECIFIED
import static dev.zendo.events.v1.Role.ROLE_VIEWER
import static dev.zendo.events.v1.RoutingStrategy.ROUTING_STRATEGY_LEAST_LOADED
import static dev.zendo.events.v1.RoutingStrategy.ROUTING_STRATEGY_ROUND_ROBIN
import static dev.zendo.events.v1.RoutingStrategy.ROUTING_STRATEGY_STICKY

/** Every event of zendo.websites and zendo.identity lands in the right replica rows, once, in order. */
class ReplicaHandlersSpec extends ReplicaSpecification {

    static final Instant LATER = Instant.parse('2100-01-01T00:00:00Z')

    @Shared
    Map<String, String> topics = newTopics()

    @Shared
    @AutoCleanup
    ApplicationContext context = start(topics, ['zendo.inbox.max-attempts': '2'])

    def 'a website creation stores the website, its default group id and its first public and secret keys'() {
        given:
        def w = UUID.randomUUID().toString()
        def g = UUID.randomUUID().toString()

        when:
        apply([created(w, g)])

        then:
        rows(context, 'SELECT name, domains, allowed_origins, widget->>\'color\', default_group_id::text, deleted FROM replica_websites WHERE website_id = ?::uuid', [w]) ==
                [['Shop', ['shop.example'], ['shop.example'], '#123', g, false]]
        rows(context, 'SELECT key_id, kind, public_key, secret_hash IS NOT NULL, expires_at, revoked FROM replica_keys WHERE website_id = ?::uuid ORDER BY kind', [w]) ==
                [["pkid-$w", 'PUBLIC', "pk_$w", false, null, false], ["skid-$w", 'SECRET', null, true, null, false]]
    }

    def '#event changes the website to #expected'() {
        given:
        def w = UUID.randomUUID().toString()

        when:
        apply([created(w)] + events(w))

        then:
        rows(context, 'SELECT name, allowed_origins, widget->>\'color\', deleted FROM replica_websites WHERE website_id = ?::uuid', [w]) == [expected]

        where:
        event                    | events                                                                   || expected
        'website.updated'        | { String s -> [updated(s, 'Renamed', ['a.example', 'b.example'], '#fff')] } || ['Renamed', ['a.example', 'b.example'], '#fff', false]
        'website.deleted'        | { String s -> [deleted(s)] }                                             || ['Shop', ['shop.example'], '#123', true]
        'website.restored'       | { String s -> [deleted(s), restored(s)] }                                || ['Shop', ['shop.example'], '#123', false]
        'invitation.created'     | { String s -> [invitation(s)] }                                          || ['Shop', ['shop.example'], '#123', false]
        'canned.response_changed' | { String s -> [canned(s)] }                                             || ['Shop', ['shop.example'], '#123', false]
    }

    def '#event leaves the members #expected'() {
        given:
        def w = UUID.randomUUID().toString()

        when:
        apply([created(w)] + events(w))

        then:
        rows(context, 'SELECT agent_id, role, max_concurrent_chats, accepting_chats FROM replica_members WHERE website_id = ?::uuid ORDER BY agent_id', [w]) == expected

        where:
        event                                   | events                                                                                              || expected
        'member.added'                          | { String s -> [memberAdded(s, 'a1', ROLE_OWNER, 3, true)] }                                         || [['a1', 'OWNER', 3, true]]
        'member.role_changed'                   | { String s -> [memberAdded(s, 'a1', ROLE_AGENT), roleChanged(s, 'a1', ROLE_AGENT, ROLE_SUPERVISOR, 9, false)] } || [['a1', 'SUPERVISOR', 9, false]]
        'member.role_changed without an add'    | { String s -> [roleChanged(s, 'a2', ROLE_AGENT, ROLE_VIEWER, 0, false)] }                          || [['a2', 'VIEWER', 0, false]]
        'member.removed'                        | { String s -> [memberAdded(s, 'a1', ROLE_AGENT), memberAdded(s, 'a2', ROLE_ADMIN), memberRemoved(s, 'a1')] } || [['a2', 'ADMIN', 5, true]]
        'member.removed of someone never added' | { String s -> [memberRemoved(s, 'ghost')] }                                                        || []
    }

    def 'a key rotation makes the new key current and gives the previous one its overlap; a revocation marks the key'() {
        given:
        def w = UUID.randomUUID().toString()
        def overlap = Instant.parse('2099-05-01T10:00:00Z')

        when:
        apply([created(w),
               publicKeyRotated(w, "pk2-$w", "pk_2_$w", "pkid-$w", overlap),
               secretKeyRotated(w, "sk2-$w", "sk_2_$w", "skid-$w", overlap),
               keyRevoked(w, "skid-$w", KeyKind.KEY_KIND_SECRET)])

        then:
        rows(context, 'SELECT key_id, kind, public_key, expires_at IS NOT NULL, expires_at = ?, revoked FROM replica_keys WHERE website_id = ?::uuid ORDER BY key_id',
                [Timestamp.from(overlap), w]) == [
                ["pk2-$w", 'PUBLIC', "pk_2_$w", false, null, false],
                ["pkid-$w", 'PUBLIC', "pk_$w", true, true, false],
                ["sk2-$w", 'SECRET', null, false, null, false],
                ["skid-$w", 'SECRET', null, true, true, true],
        ]
    }

    def 'group events store the full group and its members; a new default group is the one default'() {
        given:
        def w = UUID.randomUUID().toString()
        def first = UUID.randomUUID().toString()
        def sales = UUID.randomUUID().toString()
        def gone = UUID.randomUUID().toString()

        when:
        apply([created(w, first),
               group(w, first, 'General', ROUTING_STRATEGY_ROUND_ROBIN, true, ['a1', 'a2']),
               group(w, sales, 'Sales', ROUTING_STRATEGY_STICKY, false, ['a1']),
               group(w, gone, 'Gone', ROUTING_STRATEGY_LEAST_LOADED, false, ['a3']),
               group(w, gone, 'Gone', ROUTING_STRATEGY_LEAST_LOADED, false, [], true),
               group(w, sales, 'Sales', ROUTING_STRATEGY_LEAST_LOADED, true, ['a2', 'a3'])])

        then:
        rows(context, 'SELECT group_id::text, name, routing, is_default, deleted FROM replica_groups WHERE website_id = ?::uuid ORDER BY name', [w]) == [
                [first, 'General', 'ROUND_ROBIN', false, false],
                [gone, 'Gone', 'LEAST_LOADED', false, true],
                [sales, 'Sales', 'LEAST_LOADED', true, false]]
        rows(context, 'SELECT g.name, m.agent_id FROM replica_group_members m JOIN replica_groups g USING (group_id) WHERE g.website_id = ?::uuid ORDER BY 1, 2', [w]) ==
                [['General', 'a1'], ['General', 'a2'], ['Sales', 'a2'], ['Sales', 'a3']]
        rows(context, 'SELECT default_group_id::text FROM replica_websites WHERE website_id = ?::uuid', [w]) == [[sales]]
    }

    def '#event leaves the agent #expected'() {
        given:
        def agent = UUID.randomUUID().toString()

        when:
        apply(events(agent), topics.identity)

        then:
        rows(context, 'SELECT name, avatar_url, disabled FROM replica_agents WHERE agent_id = ?', [agent]) == [expected]

        where:
        event                            | events                                                                                         || expected
        'agent.registered'               | { String a -> [agentRegistered(a, 'Ana')] }                                                    || ['Ana', null, false]
        'agent.updated'                  | { String a -> [agentRegistered(a, 'Ana'), agentUpdated(a, 'Ana Lima', 'https://x.example/a.png')] } || ['Ana Lima', 'https://x.example/a.png', false]
        'agent.updated without avatar'   | { String a -> [agentUpdated(a, 'Bo', '')] }                                                    || ['Bo', null, false]
        'agent.disabled'                 | { String a -> [agentRegistered(a, 'Ana'), agentDisabled(a)] }                                  || ['Ana', null, true]
        'agent.disabled of an agent never seen' | { String a -> [agentDisabled(a)] }                                                      || ['', null, true]
    }

    def 'events about a website never replicated are skipped, and the website created afterwards is replicated'() {
        given:
        def w = UUID.randomUUID().toString()
        def g = UUID.randomUUID().toString()

        when:
        apply([memberAdded(w, 'a1', ROLE_AGENT), group(w, g, 'General', ROUTING_STRATEGY_ROUND_ROBIN, true, ['a1']),
               updated(w, 'Renamed', [], '#fff'), publicKeyRotated(w, 'k2', "pk_x_$w", "pkid-$w", LATER)])

        then:
        rows(context, 'SELECT count(*) FROM replica_websites WHERE website_id = ?::uuid', [w]) == [[0]]
        rows(context, 'SELECT count(*) FROM replica_members WHERE website_id = ?::uuid', [w]) == [[0]]
        rows(context, 'SELECT count(*) FROM replica_groups WHERE website_id = ?::uuid', [w]) == [[0]]

        when:
        apply([created(w, g), memberAdded(w, 'a1', ROLE_AGENT)])

        then:
        rows(context, 'SELECT count(*) FROM replica_members WHERE website_id = ?::uuid', [w]) == [[1]]
    }

    def 'a malformed event is parked and the events after it are applied'() {
        given:
        def w = UUID.randomUUID().toString()
        def malformed = memberAdded('not-a-uuid', 'a1', ROLE_AGENT)
        def unspecifiedRole = memberAdded(w, 'a2', ROLE_UNSPECIFIED)

        when:
        publish(topics.websites, [created(w)])
        publish(topics.websites, [malformed])
        publish(topics.websites, [unspecifiedRole, memberAdded(w, 'a3', ROLE_ADMIN)])
        awaitProcessed(context, [malformed, unspecifiedRole])

        then:
        within(30).eventually {
            assert rows(context, 'SELECT agent_id FROM replica_members WHERE website_id = ?::uuid', [w]) == [['a3']]
        }
        rows(context, 'SELECT event_id::text, attempts FROM inbox_parked WHERE event_id::text IN (?, ?)', [malformed.eventId, unspecifiedRole.eventId]) as Set ==
                [[malformed.eventId, 2], [unspecifiedRole.eventId, 2]] as Set
    }

    def 'a redelivered event is applied once: an older role change delivered again does not undo a newer one'() {
        given:
        def w = UUID.randomUUID().toString()
        def toSupervisor = roleChanged(w, 'a1', ROLE_AGENT, ROLE_SUPERVISOR)
        def toViewer = roleChanged(w, 'a1', ROLE_SUPERVISOR, ROLE_VIEWER)

        when:
        apply([created(w), memberAdded(w, 'a1', ROLE_AGENT), toSupervisor, toViewer, toSupervisor, toSupervisor])

        then:
        rows(context, 'SELECT role FROM replica_members WHERE website_id = ?::uuid', [w]) == [['VIEWER']]
        rows(context, 'SELECT count(*) FROM inbox_processed WHERE event_id = ?::uuid', [toSupervisor.eventId]) == [[1]]
    }

    def 'the events of one website are applied in their order'() {
        given:
        def w = UUID.randomUUID().toString()
        def changes = (1..60).collect { roleChanged(w, 'a1', ROLE_AGENT, it % 2 ? ROLE_AGENT : ROLE_SUPERVISOR, it, it % 3 == 0) }

        when:
        apply([created(w), memberAdded(w, 'a1', ROLE_AGENT)] + changes)

        then:
        rows(context, 'SELECT role, max_concurrent_chats, accepting_chats FROM replica_members WHERE website_id = ?::uuid', [w]) == [['SUPERVISOR', 60, true]]
    }

    private void apply(List events, String topic = topics.websites) {
        publish(topic, events)
        awaitProcessed(context, events)
    }
}
