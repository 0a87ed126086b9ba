package dev.zendo.conversations.presence

import dev.zendo.conversations.ConversationsApi
import dev.zendo.conversations.routing.Presence
import redis.clients.jedis.JedisPooled
import spock.lang.Shared
import spock.lang.Specification

import java.time.Instant

import static dev.zendo.conversations.ConversationsApi.expect

/** Teammates' presence: every member of a website reads every member's state from the edges' Redis keys; nobody else does. */
class TeamPresenceSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    @Shared
    JedisPooled redis = api.context.getBean(JedisPooled)

    ConversationsApi.Site site = api.site()

    def 'an agent-role member reads each teammate as online, away or offline, with when an offline one was last seen'() {
        given: 'an edge announced three agents: one present, one present but away, one whose lease lapsed a minute ago'
        def reader = api.member(site, 'AGENT')
        def online = api.member(site, 'AGENT')
        def away = api.member(site, 'SUPERVISOR')
        def gone = api.member(site, 'AGENT')
        def lapsed = Instant.ofEpochMilli(Instant.now().minusSeconds(60).toEpochMilli())
        announce(online.id, Instant.now().plusSeconds(120))
        announce(away.id, Instant.now().plusSeconds(120))
        redis.sadd(Presence.awayKey(site.id), away.id)
        announce(gone.id, lapsed)

        when:
        def presence = expect(200, api.call('GET', "/v1/inbox/$site.id/presence", reader.token))
        def byId = presence.agents.collectEntries { [(it.agent_id): it] }

        then:
        byId.keySet() == [site.owner.id, reader.id, online.id, away.id, gone.id] as Set
        byId[online.id] == [agent_id: online.id, status: 'online']
        byId[away.id] == [agent_id: away.id, status: 'away']
        byId[gone.id] == [agent_id: gone.id, status: 'offline', last_seen_at: lapsed.toString()]
        byId[reader.id] == [agent_id: reader.id, status: 'offline']
        Instant.parse(presence.at as String) > lapsed
    }

    def 'an agent who comes back from away reads as online again'() {
        given:
        def agent = api.member(site, 'AGENT')
        announce(agent.id, Instant.now().plusSeconds(120))
        redis.sadd(Presence.awayKey(site.id), agent.id)
        redis.srem(Presence.awayKey(site.id), agent.id)

        expect:
        statusOf(agent.id) == 'online'
    }

    def 'another website\'s presence is not mixed in'() {
        given:
        def elsewhere = api.site()
        redis.zadd(Presence.onlineKey(elsewhere.id), Instant.now().plusSeconds(120).toEpochMilli() as double, site.owner.id)

        expect:
        statusOf(site.owner.id) == 'offline'
    }

    def 'a #role reads the presence'() {
        given:
        def member = api.member(site, role)

        expect:
        expect(200, api.call('GET', "/v1/inbox/$site.id/presence", member.token)).agents.size() == 2

        where:
        role << ['ADMIN', 'SUPERVISOR', 'AGENT', 'VIEWER']
    }

    def '#caller is answered #status'() {
        given:
        def token = tokenOf.rehydrate(this, this, this).call()

        when:
        def reply = api.call('GET', "/v1/inbox/$site.id/presence", token)

        then:
        reply.status == status
        reply.body.error == error

        where:
        caller                            | tokenOf                                                            || status | error
        'no token'                        | { -> null }                                                        || 401    | 'unauthorized'
        'a member of another website'     | { -> api.site().owner.token }                                      || 404    | 'not_found'
        'a disabled member'               | { -> disabled().token }                                            || 404    | 'not_found'
    }

    def 'an unknown website is not found and a malformed id is a bad request'() {
        expect:
        api.call('GET', "/v1/inbox/${UUID.randomUUID()}/presence", site.owner.token).status == 404
        api.call('GET', '/v1/inbox/not-a-uuid/presence', site.owner.token).body.error == 'invalid_request'
    }

    private void announce(String agentId, Instant expiry) {
        redis.zadd(Presence.onlineKey(site.id), expiry.toEpochMilli() as double, agentId)
    }

    private String statusOf(String agentId) {
        expect(200, api.call('GET', "/v1/inbox/$site.id/presence", site.owner.token)).agents.find { it.agent_id == agentId }.status
    }

    private ConversationsApi.Agent disabled() {
        def member = api.member(site, 'AGENT')
        api.sql('UPDATE replica_agents SET disabled = true WHERE agent_id = ?', [member.id])
        member
    }
}
