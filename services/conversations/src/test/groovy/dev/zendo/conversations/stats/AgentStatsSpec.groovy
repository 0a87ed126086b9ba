package dev.zendo.conversations.stats

import dev.zendo.conversations.ConversationsApi
import dev.zendo.conversations.WorkspaceSeed
import dev.zendo.conversations.routing.Presence
import redis.clients.jedis.JedisPooled
import spock.lang.Shared
import spock.lang.Specification

import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId
import java.time.ZoneOffset

import static dev.zendo.conversations.ConversationsApi.expect

/** Agent stats: presence from the edges' Redis keys, capacity from the replica, active chats and chats handled today. */
class AgentStatsSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    @Shared
    WorkspaceSeed seed = new WorkspaceSeed(api)

    @Shared
    JedisPooled redis = api.context.getBean(JedisPooled)

    ConversationsApi.Site site = api.site()

    def 'each member shows presence, capacity, active chats and the chats it handled today'() {
        given:
        def online = api.member(site, 'AGENT', 3)
        def away = api.member(site, 'AGENT', 2)
        def offline = api.member(site, 'SUPERVISOR', 4)
        long future = Instant.now().plusSeconds(120).toEpochMilli()
        redis.zadd(Presence.onlineKey(site.id), [(online.id): future as double, (away.id): future as double,
                                                 (offline.id): Instant.now().minusSeconds(60).toEpochMilli() as double])
        redis.sadd(Presence.awayKey(site.id), away.id)

        and: 'two active chats for online, one thread it resolved today and one yesterday; away replied in a thread the visitor closed'
        def midnight = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant()
        seed.conversation(site, seed.visitor(site), 'ACTIVE', online.id)
        seed.conversation(site, seed.visitor(site), 'ACTIVE', online.id)
        def ended = seed.conversation(site, seed.visitor(site), 'RESOLVED', online.id)
        endThread(ended, 'AGENT', online.id, Instant.now())
        def old = seed.conversation(site, seed.visitor(site), 'CLOSED', online.id)
        endThread(old, 'AGENT', online.id, midnight.minusSeconds(1))
        def byVisitor = seed.conversation(site, seed.visitor(site), 'CLOSED', away.id)
        seed.agentMessage(byVisitor, away.id)
        endThread(byVisitor, 'VISITOR', byVisitor.visitorId.toString(), Instant.now())

        when:
        def stats = expect(200, api.call('GET', "/v1/inbox/$site.id/agent-stats", site.owner.token))
        def byId = stats.agents.collectEntries { [(it.agent_id): it] }

        then:
        stats.time_zone == 'UTC'
        Instant.parse(stats.day_start) == midnight
        stats.agents.size() == 4

        and:
        with(byId[online.id]) {
            status == 'online'
            name == online.name
            role == 'agent'
            accepting_chats
            max_concurrent_chats == 3
            active_chats == 2
            chats_handled_today == 1
        }
        with(byId[away.id]) {
            status == 'away'
            active_chats == 0
            chats_handled_today == 1
        }
        byId[offline.id].status == 'offline'
        byId[site.owner.id].status == 'offline'
    }

    def 'chats handled today count #what as #expected'() {
        given:
        def agent = api.member(site, 'AGENT')
        def colleague = api.member(site, 'AGENT')
        def dayStart = Instant.parse(expect(200, api.call('GET', "/v1/inbox/$site.id/agent-stats", site.owner.token)).day_start as String)
        seeding.rehydrate(this, this, this).call(agent.id, colleague.id, dayStart)

        when:
        def stats = expect(200, api.call('GET', "/v1/inbox/$site.id/agent-stats", site.owner.token))

        then:
        stats.agents.find { it.agent_id == agent.id }.chats_handled_today == expected

        where:
        what                                                   | seeding                                                                                 || expected
        'a reply today'                                        | { me, other, day -> seed.agentMessage(chat(me), me) }                                   || 1
        'a reply at the first instant of the day'              | { me, other, day -> seed.agentMessage(chat(me), me, 'TEXT', day) }                      || 1
        'a reply in the last millisecond of yesterday'         | { me, other, day -> seed.agentMessage(chat(me), me, 'TEXT', day.minusMillis(1)) }       || 0
        'an internal note only'                                | { me, other, day -> seed.agentMessage(chat(me), me, 'NOTE') }                           || 0
        'three replies in one conversation'                    | { me, other, day -> def c = chat(me); 3.times { seed.agentMessage(c, me) } }            || 1
        'replies in two conversations'                         | { me, other, day -> seed.agentMessage(chat(me), me); seed.agentMessage(chat(me), me) }  || 2
        'replies in two threads of one conversation'           | { me, other, day -> twoThreads(me).each { seed.agentMessage(it, me) } }                 || 1
        'a thread it resolved today without replying'          | { me, other, day -> endThread(chat(me, 'RESOLVED'), 'AGENT', me, Instant.now()) }       || 1
        'a thread it closed at the first instant of the day'   | { me, other, day -> endThread(chat(me, 'CLOSED'), 'AGENT', me, day) }                   || 1
        'a thread it closed yesterday'                         | { me, other, day -> endThread(chat(me, 'CLOSED'), 'AGENT', me, day.minusMillis(1)) }    || 0
        'a reply and the close in one conversation'            | { me, other, day -> def c = chat(me, 'CLOSED'); seed.agentMessage(c, me); endThread(c, 'AGENT', me, Instant.now()) } || 1
        'its thread closed by the visitor'                     | { me, other, day -> def c = chat(me, 'CLOSED'); endThread(c, 'VISITOR', c.visitorId.toString(), Instant.now()) } || 0
        'its thread closed by the system'                      | { me, other, day -> endThread(chat(me, 'CLOSED'), 'SYSTEM', null, Instant.now()) }      || 0
        'a thread it closed that was reopened since'           | { me, other, day -> chat(me, 'ACTIVE') }                                                || 0
        'another agent\'s replies and closes in its chat'      | { me, other, day -> def c = chat(me, 'CLOSED'); seed.agentMessage(c, other); endThread(c, 'AGENT', other, Instant.now()) } || 0
    }

    def 'the day of a website in #zone starts at its local midnight: a reply then counts, one just before does not'() {
        given:
        api.sql('UPDATE replica_websites SET widget = CAST(? AS jsonb) WHERE website_id = ?',
                [zone == null ? '{}' : """{"businessHours": {"timeZone": "$zone"}}""".toString(), site.id])
        def agent = api.member(site, 'AGENT')
        def localMidnight = LocalDate.now(ZoneId.of(effective)).atStartOfDay(ZoneId.of(effective)).toInstant()
        seed.agentMessage(chat(agent.id), agent.id, 'TEXT', localMidnight)
        seed.agentMessage(chat(agent.id), agent.id, 'TEXT', localMidnight.minusMillis(1))

        when:
        def stats = expect(200, api.call('GET', "/v1/inbox/$site.id/agent-stats", site.owner.token))

        then:
        stats.time_zone == effective
        Instant.parse(stats.day_start as String) == localMidnight
        stats.agents.find { it.agent_id == agent.id }.chats_handled_today == 1

        where:
        zone                 || effective
        null                 || 'UTC'
        'UTC'                || 'UTC'
        'Pacific/Kiritimati' || 'Pacific/Kiritimati'
        'America/St_Johns'   || 'America/St_Johns'
        'Not/A_Zone'         || 'UTC'
    }

    private WorkspaceSeed.Conversation chat(String agentId, String status = 'ACTIVE') {
        seed.conversation(site, seed.visitor(site), status, agentId)
    }

    private List<WorkspaceSeed.Conversation> twoThreads(String agentId) {
        def first = chat(agentId, 'CLOSED')
        def second = new WorkspaceSeed.Conversation(id: first.id, threadId: UUID.randomUUID(), visitorId: first.visitorId, site: site)
        seed.thread(second, second.threadId, 'ACTIVE', agentId, Instant.now())
        api.sql('UPDATE conversations SET current_thread_id = ? WHERE id = ?', [second.threadId, first.id])
        [first, second]
    }

    private void endThread(WorkspaceSeed.Conversation conversation, String byKind, String byId, Instant at) {
        api.sql('UPDATE threads SET closed_at = ?, closed_by_kind = ?, closed_by_id = ? WHERE id = ?', [at, byKind, byId, conversation.threadId])
    }
}
