package dev.zendo.realtimeedge.presence

import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.Audience
import dev.zendo.events.v1.Envelope
import dev.zendo.platform.kafka.TopicProvisioner
import dev.zendo.realtimeedge.commands.TopicEvents
import dev.zendo.testsupport.TestInfra
import io.micrometer.core.instrument.MeterRegistry
import io.micronaut.context.ApplicationContext
import redis.clients.jedis.JedisPooled
import redis.clients.jedis.JedisPubSub
import redis.clients.jedis.Protocol
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.time.Clock
import java.util.concurrent.Callable
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.ScheduledExecutorService

import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS

/**
 * Agents' presence across edge nodes: every transition is announced exactly once, on the website topic and on the
 * Redis channel, whichever nodes hold the agent's connections, race, or die. Each "node" is a presence instance with
 * its own id and its own presence thread; killing a node stops that thread without giving anything up.
 */
class AgentPresenceSpec extends Specification {

    @Shared
    @AutoCleanup
    ApplicationContext context = ApplicationContext.run(TestInfra.properties('realtime-edge', KAFKA, REDIS) + [
            'zendo.realtime.presence.ttl'             : '2s',
            'zendo.realtime.presence.refresh-interval': '400ms',
            'zendo.realtime.presence.sweep-interval'  : '300ms',
            'zendo.realtime.presence.grace'           : '1s',
    ] as Map<String, Object>, 'test')

    @Shared
    JedisPooled redis = context.getBean(JedisPooled)

    @Shared
    List<String> channelMessages = new CopyOnWriteArrayList<>()

    @Shared
    JedisPubSub channel = new JedisPubSub() {
        @Override
        void onMessage(String name, String message) {
            channelMessages << message
        }
    }

    PollingConditions conditions = new PollingConditions(timeout: 30, delay: 0.1)
    Map<RedisAgentPresence, ScheduledExecutorService> nodes = [:]
    UUID website = UUID.randomUUID()
    String agent = "agent-${UUID.randomUUID()}"
    TopicEvents topic = new TopicEvents(context.getBean(TopicProvisioner), "zendo.site.$website")

    def setupSpec() {
        Thread.startDaemon { redis.subscribe(channel, PresenceStore.CHANNEL) }
        new PollingConditions(timeout: 10).eventually {
            assert channel.subscribed
        }
    }

    def cleanupSpec() {
        channel.unsubscribe()
    }

    def cleanup() {
        nodes.each { node, thread ->
            if (!thread.shutdown) {
                node.close()
            }
            thread.shutdownNow()
        }
        topic.close()
    }

    def 'an agent connected through two nodes is announced online once, and offline once when its last connection closes'() {
        given:
        def a = node('a')
        def b = node('b')

        when:
        a.connected(agent, [website] as Set)
        b.connected(agent, [website] as Set)

        then:
        conditions.eventually {
            assert leases() == 2
            assert announcements() == ['ONLINE']
        }
        connectedAsConversationsReadsIt()

        when: 'its connection on one node closes'
        a.disconnected(agent, [website] as Set)

        then: 'the other node still holds it'
        conditions.eventually {
            assert leases() == 1
        }
        connectedAsConversationsReadsIt()

        when: 'the agent steps away, then its last connection closes'
        b.away(agent, [website] as Set, true)
        b.disconnected(agent, [website] as Set)

        then: 'the one close announced nothing'
        conditions.eventually {
            assert announcements() == ['ONLINE', 'AWAY', 'OFFLINE']
            assert published(website, agent) == ['ONLINE', 'AWAY', 'OFFLINE']
        }
        offlineAsConversationsReadsIt()

        and: 'each announcement counts up, so a reader can put late ones in their place'
        presenceEvents(agent)*.presenceChanged*.version.sort() == [1L, 2L, 3L]
    }

    def 'a node that stops refreshing has its agents announced offline by another node within the TTL, once'() {
        given:
        def doomed = node('doomed')
        def survivor = node('survivor')
        doomed.connected(agent, [website] as Set)
        conditions.eventually {
            assert announcements() == ['ONLINE']
        }

        when: 'the node dies without giving anything up'
        kill(doomed)

        then:
        conditions.eventually {
            assert announcements() == ['ONLINE', 'OFFLINE']
        }
        offlineAsConversationsReadsIt()

        when: 'the agent comes back through the survivor'
        survivor.connected(agent, [website] as Set)

        then: 'the one offline was the last announcement before'
        conditions.eventually {
            assert announcements() == ['ONLINE', 'OFFLINE', 'ONLINE']
            assert published(website, agent) == ['ONLINE', 'OFFLINE', 'ONLINE']
        }
    }

    def 'an agent who sets itself away through one node is away for all its connections, and online again when back'() {
        given:
        def a = node('a')
        def b = node('b')
        a.connected(agent, [website] as Set)
        b.connected(agent, [website] as Set)

        when:
        b.away(agent, [website] as Set, true)
        a.away(agent, [website] as Set, true)

        then:
        conditions.eventually {
            assert announcements() == ['ONLINE', 'AWAY']
        }
        redis.sismember(PresenceStore.awayKey(website), agent)
        redis.zscore(PresenceStore.onlineKey(website), agent) > redisMillis()

        when:
        a.away(agent, [website] as Set, false)

        then:
        conditions.eventually {
            assert announcements() == ['ONLINE', 'AWAY', 'ONLINE']
            assert published(website, agent) == ['ONLINE', 'AWAY', 'ONLINE']
        }
        connectedAsConversationsReadsIt()
    }

    def 'an agent who is connected nowhere cannot be set away'() {
        given:
        def a = node('a')

        when:
        a.away(agent, [website] as Set, true)
        a.connected(agent, [website] as Set)

        then:
        conditions.eventually {
            assert announcements() == ['ONLINE']
        }
        connectedAsConversationsReadsIt()
    }

    def 'twenty connects of one agent racing on two nodes announce it online once, and the twenty disconnects offline once'() {
        given:
        def pair = [node('a'), node('b')]
        def pool = Executors.newFixedThreadPool(20)

        when:
        race(pool) { i -> pair[i % 2].connected(agent, [website] as Set) }

        then:
        conditions.eventually {
            assert leases() == 2
            assert announcements() == ['ONLINE']
        }

        when:
        race(pool) { i -> pair[i % 2].disconnected(agent, [website] as Set) }

        then:
        conditions.eventually {
            assert announcements() == ['ONLINE', 'OFFLINE']
            assert published(website, agent) == ['ONLINE', 'OFFLINE']
        }

        cleanup:
        pool.shutdownNow()
    }

    def 'a reconnect through #through within the grace period announces nothing'() {
        given:
        def a = node('a')
        def b = node('b')
        a.connected(agent, [website] as Set)
        conditions.eventually {
            assert announcements() == ['ONLINE']
        }

        when: 'the page reloads'
        def closedAt = redisMillis()
        a.disconnected(agent, [website] as Set)
        (through == 'the same node' ? a : b).connected(agent, [website] as Set)

        and: 'one lease is left, renewed after the grace period ended'
        def graceAndTtl = context.getBean(PresenceSettings).with { grace().plus(ttl()).toMillis() }
        conditions.eventually {
            assert leases() == 1
            assert redis.zrangeWithScores(PresenceStore.leasesKey(website, agent), -1, -1).first().score > closedAt + graceAndTtl
        }
        a.away(agent, [website] as Set, true)

        then: 'the next announcement is the away that followed'
        conditions.eventually {
            assert announcements() == ['ONLINE', 'AWAY']
        }

        where:
        through << ['the same node', 'another node']
    }

    def 'a node that stops gracefully gives up its leases, announcing offline at once the agents connected nowhere else'() {
        given:
        def stopping = node('stopping')
        def staying = node('staying')
        def elsewhere = "agent-${UUID.randomUUID()}"
        stopping.connected(agent, [website] as Set)
        stopping.connected(elsewhere, [website] as Set)
        staying.connected(elsewhere, [website] as Set)
        conditions.eventually {
            assert announcements() == ['ONLINE']
            assert announcements(elsewhere) == ['ONLINE']
        }

        when:
        stopping.close()

        then:
        conditions.eventually {
            assert announcements() == ['ONLINE', 'OFFLINE']
        }
        announcements(elsewhere) == ['ONLINE']
        redis.zcard(PresenceStore.leasesKey(website, elsewhere)) == 1
    }

    def 'each transition is an ephemeral agents-only event on the website topic keyed by the agent'() {
        given:
        def a = node('a')

        when:
        a.connected(agent, [website] as Set)

        then:
        conditions.eventually {
            assert presenceEvents().size() == 1
        }
        def announced = topic.read().first()
        announced.key == agent
        with(announced.event) {
            type == 'presence.changed'
            eventId ==~ /[0-9a-f-]{36}/
            occurredAt.seconds > 0
            websiteId == website.toString()
            !hasConversationId()
            audience == Audience.AUDIENCE_AGENTS
            ephemeral
            actor.kind == ActorKind.ACTOR_KIND_AGENT
            actor.id == agent
            presenceChanged.agentId == agent
            presenceChanged.status.name() == 'PRESENCE_STATUS_ONLINE'
            presenceChanged.version == 1
        }
    }

    def 'a website where nobody has been present for three TTLs is no longer swept'() {
        given:
        def a = node('a')
        a.connected(agent, [website] as Set)
        conditions.eventually {
            assert redis.zscore(PresenceStore.WEBSITES, website.toString()) != null
        }

        when:
        a.disconnected(agent, [website] as Set)

        then:
        conditions.eventually {
            assert announcements() == ['ONLINE', 'OFFLINE']
            assert redis.zscore(PresenceStore.WEBSITES, website.toString()) == null
        }
    }

    private RedisAgentPresence node(String name) {
        def thread = Executors.newSingleThreadScheduledExecutor()
        def node = new RedisAgentPresence(context.getBean(PresenceStore), context.getBean(PresenceAnnouncer),
                context.getBean(PresenceSettings), thread, context.getBean(Clock), name, context.getBean(MeterRegistry))
        node.start()
        nodes[node] = thread
        node
    }

    private void kill(RedisAgentPresence node) {
        nodes[node].shutdownNow()
    }

    private static void race(pool, Closure call) {
        def start = new CountDownLatch(1)
        def calls = (0..<20).collect { i -> pool.submit({ start.await(); call(i) } as Callable) }
        start.countDown()
        calls*.get()
    }

    private List<Envelope> presenceEvents(String agentId = agent) {
        topic.read()*.event.findAll { it.payloadCase == Envelope.PayloadCase.PRESENCE_CHANGED && it.presenceChanged.agentId == agentId }
    }

    /** The statuses announced on the website topic for the agent, ordered by version as readers order them (two nodes race). */
    private List<String> announcements(String agentId = agent) {
        presenceEvents(agentId).sort(false) { it.presenceChanged.version }.collect { it.presenceChanged.status.name() - 'PRESENCE_STATUS_' }
    }

    /** The statuses published on the Redis channel for the agent, in order. */
    private List<String> published(UUID websiteId, String agentId) {
        channelMessages.collect { it.split(' ') }.findAll { it[0] == websiteId.toString() && it[2] == agentId }.collect { it[1] }
    }

    /** Redis's clock in epoch milliseconds, the one the presence scripts score with ({@code TIME}). */
    private long redisMillis() {
        List<byte[]> time = redis.sendCommand(Protocol.Command.TIME) as List<byte[]>
        Long.parseLong(new String(time[0])) * 1000 + Long.parseLong(new String(time[1])).intdiv(1000)
    }

    private long leases() {
        redis.zcard(PresenceStore.leasesKey(website, agent))
    }

    private boolean connectedAsConversationsReadsIt() {
        redis.zscore(PresenceStore.onlineKey(website), agent) > redisMillis() && !redis.sismember(PresenceStore.awayKey(website), agent)
    }

    private boolean offlineAsConversationsReadsIt() {
        redis.zscore(PresenceStore.onlineKey(website), agent) <= redisMillis() && !redis.sismember(PresenceStore.awayKey(website), agent)
    }
}
