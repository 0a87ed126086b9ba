package dev.zendo.conversations.stats

import dev.zendo.conversations.ConversationsApi
import dev.zendo.conversations.WorkspaceSeed
import dev.zendo.conversations.routing.Presence
import redis.clients.jedis.JedisPooled
import spock.lang.Shared
import spock.lang.Specification

import java.time.Instant
import java.time.LocalDate
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

    def 'each member shows presence, capacity, active chats and the threads it ended today'() {
        given:
        def online = api.member(site, 'AGENT', 3)
        def away = api.member(site, 'AGENT', 2)
        def offline = api.member(site, 'SUPERVISOR', 4)
        long future = Instant.now().plusSeconds(120).toEpochMilli()
        redis.zadd(Presence.onlineKey(site.id), [(online.id): future as double, (away.id): future as double,
                                                 (offline.id): Instant.now().minusSeconds(60).toEpochMilli() as double])
        redis.sadd(Presence.awayKey(site.id), away.id)

        and: 'two active chats for online, one thread it resolved today and one yesterday, one visitor-closed today for away'
        def midnight = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant()
        seed.conversation(site, seed.visitor(site), 'ACTIVE', online.id)
        seed.conversation(site, seed.visitor(site), 'ACTIVE', online.id)
        def ended = seed.conversation(site, seed.visitor(site), 'RESOLVED', online.id)
        api.sql('UPDATE threads SET closed_at = ? WHERE id = ?', [Instant.now(), ended.threadId])
        def old = seed.conversation(site, seed.visitor(site), 'CLOSED', online.id)
        api.sql('UPDATE threads SET closed_at = ? WHERE id = ?', [midnight.minusSeconds(1), old.threadId])
        def byVisitor = seed.conversation(site, seed.visitor(site), 'CLOSED', away.id)
        api.sql("UPDATE threads SET closed_at = ?, closed_by_kind = 'VISITOR' WHERE id = ?", [Instant.now(), byVisitor.threadId])

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

    def 'today starts at midnight in the website\'s business-hours time zone'() {
        given:
        api.sql('''UPDATE replica_websites SET widget = '{"businessHours": {"timeZone": "Pacific/Kiritimati"}}' WHERE website_id = ?''', [site.id])

        when:
        def stats = expect(200, api.call('GET', "/v1/inbox/$site.id/agent-stats", site.owner.token))

        then:
        stats.time_zone == 'Pacific/Kiritimati'
        Instant.parse(stats.day_start).atZone(java.time.ZoneId.of('Pacific/Kiritimati')).toLocalTime() == java.time.LocalTime.MIDNIGHT
    }
}
