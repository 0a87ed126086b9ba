package dev.zendo.conversations.routing

import dev.zendo.conversations.thread.SlotFreed
import dev.zendo.conversations.thread.ThreadQueued
import dev.zendo.events.v1.Envelope
import io.micronaut.context.ApplicationContext
import io.micronaut.context.event.ApplicationEventPublisher
import io.micronaut.transaction.TransactionOperations
import redis.clients.jedis.JedisPooled
import redis.clients.jedis.Protocol
import spock.lang.AutoCleanup
import spock.lang.Shared

import java.sql.Connection

/**
 * Threads nobody can take wait in their group's queue and leave it oldest first, as soon as an agent comes online or
 * frees a slot; waiting visitors learn their place.
 */
class QueueSpec extends RoutingSpecification {

    @Shared
    @AutoCleanup
    ApplicationContext context = start(servers())

    @Shared
    Fixture fixture = new Fixture(context)

    @Shared
    QueuePositions positions = context.getBean(QueuePositions)

    def setupSpec() {
        within(10).eventually {
            assert (context.getBean(JedisPooled).sendCommand(Protocol.Command.PUBSUB, 'NUMSUB', Presence.CHANNEL) as List)[1] as long >= 1
        }
    }

    def 'the queue drains first in, first out when an agent comes online and then frees slots'() {
        given: 'three visitors waiting for an agent who is offline, and a later one in another group'
        def website = fixture.website()
        def agent = fixture.member(website, "agent-$website", max: 1)
        def group = fixture.group(website, 'ROUND_ROBIN', [agent], true)
        def threads = fixture.waiting(website, group, 3)

        expect:
        threads.collect { positions.of(it).asInt } == [1, 2, 3]

        when: 'the edge announces the agent online'
        fixture.online(website, agent)
        fixture.redis.publish(Presence.CHANNEL, "$website ONLINE $agent")

        then: 'the oldest gets the agent'
        within(10).eventually {
            assert fixture.agentOf(threads[0]) == agent
        }
        fixture.thread(threads[1]).status == 'PENDING'
        threads.collect { positions.of(it) }*.present == [false, true, true]
        positions.of(threads[1]).asInt == 1
        positions.of(threads[2]).asInt == 2

        and: 'the others learnt their new places'
        within(10).eventually {
            assert placesTold(website) == [(threads[1]): [1], (threads[2]): [2]]
        }

        when: 'the agent closes the first thread, freeing the slot'
        closeAndFree(website, threads[0], agent)

        then: 'the next in line gets it'
        within(10).eventually {
            assert fixture.agentOf(threads[1]) == agent
        }
        fixture.thread(threads[2]).status == 'PENDING'
        positions.of(threads[2]).asInt == 1

        when:
        closeAndFree(website, threads[1], agent)

        then:
        within(10).eventually {
            assert fixture.agentOf(threads[2]) == agent
        }
        threads.every { !positions.of(it).present }
    }

    def 'a newly queued thread is routed at once when an agent is free, and told its place when not'() {
        given:
        def website = fixture.website()
        def agent = fixture.member(website, "agent-$website", max: 1)
        def group = fixture.group(website, 'LEAST_LOADED', [agent], true)
        fixture.online(website, agent)

        when:
        def first = queue(website, group)

        then:
        within(10).eventually {
            assert fixture.agentOf(first) == agent
        }

        when:
        def second = queue(website, group)

        then:
        within(10).eventually {
            assert placesTold(website)[second] == [1]
        }
        fixture.thread(second).status == 'PENDING'
    }

    def 'queues of different groups are independent, and a blocked group does not hold others up'() {
        given:
        def website = fixture.website()
        def sales = fixture.member(website, "sales-$website", max: 5)
        def support = fixture.member(website, "support-$website", max: 5)
        def salesGroup = fixture.group(website, 'ROUND_ROBIN', [sales], true)
        def supportGroup = fixture.group(website, 'ROUND_ROBIN', [support])
        fixture.online(website, support)
        def blocked = fixture.waiting(website, salesGroup, 3)
        def served = fixture.waiting(website, supportGroup, 2)

        when:
        context.getBean(Router).drain(website)

        then:
        served.every { fixture.agentOf(it) == support }
        blocked.every { fixture.thread(it).status == 'PENDING' }
        blocked.collect { positions.of(it).asInt } == [1, 2, 3]
    }

    /** Each thread's positions in QueuePositionChanged events, in order. */
    private Map<UUID, List<Integer>> placesTold(UUID website) {
        fixture.events(website)
                .findAll { it.payloadCase == Envelope.PayloadCase.QUEUE_POSITION_CHANGED }
                .groupBy { UUID.fromString(it.queuePositionChanged.threadId) }
                .collectEntries { id, events -> [id, events*.queuePositionChanged*.position] }
    }

    private UUID queue(UUID website, UUID group) {
        def thread = fixture.waiting(website, group)
        inTransaction {
            context.getBean(ApplicationEventPublisher).publishEvent(new ThreadQueued(website, fixture.conversationOf(thread), thread, group))
        }
        thread
    }

    private void closeAndFree(UUID website, UUID thread, String agent) {
        inTransaction {
            fixture.close(thread)
            context.getBean(ApplicationEventPublisher).publishEvent(new SlotFreed(website, agent))
        }
    }

    private void inTransaction(Closure work) {
        context.getBean(TransactionOperations).executeWrite { status -> work.call() }
    }
}
