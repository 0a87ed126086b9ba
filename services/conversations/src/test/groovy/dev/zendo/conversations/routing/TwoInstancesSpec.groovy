package dev.zendo.conversations.routing

import dev.zendo.events.v1.Envelope
import dev.zendo.platform.http.ApiException
import io.micronaut.context.ApplicationContext
import spock.lang.AutoCleanup
import spock.lang.Shared

import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

/** Two conversations instances routing one burst at once never assign a thread twice nor anyone beyond capacity. */
class TwoInstancesSpec extends RoutingSpecification {

    @Shared
    Map<String, Object> servers = servers()

    @Shared
    @AutoCleanup
    ApplicationContext first = start(servers)

    @Shared
    @AutoCleanup
    ApplicationContext second = start(servers)

    @Shared
    Fixture fixture = new Fixture(first)

    def 'two instances draining the same #strategy queue concurrently assign each thread once, within capacity'() {
        given: '5 agents with 3 slots each, and 60 visitors waiting'
        def website = fixture.website()
        def agents = (1..5).collect { fixture.member(website, "agent-$it-$website", max: 3) }
        def group = fixture.group(website, strategy, agents, true)
        agents.each { fixture.online(website, it) }
        def threads = fixture.waiting(website, group, 60)

        when: 'four drains on each instance start together'
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(8)
        def drains = [first, second].collectMany { context ->
            (1..4).collect { pool.submit({ start.await(); context.getBean(Router).drain(website) } as Callable<Integer>) }
        }
        start.countDown()
        def assigned = drains.sum { it.get() }
        pool.shutdown()

        then: 'exactly the 15 slots are filled, once each'
        assigned == 15
        fixture.activeByAgent(website) == agents.collectEntries { [(it): 3L] }

        and: 'the oldest 15 got them, each announced once'
        threads.take(15).every { fixture.thread(it).status == 'ACTIVE' }
        threads.drop(15).every { fixture.thread(it).status == 'PENDING' }
        def announced = fixture.events(website).findAll { it.payloadCase == Envelope.PayloadCase.CONVERSATION_ASSIGNED }
        announced.size() == 15
        announced*.conversationAssigned*.threadId as Set == threads.take(15)*.toString() as Set

        where:
        strategy << ['ROUND_ROBIN', 'LEAST_LOADED', 'STICKY']
    }

    def 'manual assignments racing routing on two instances still respect capacity'() {
        given:
        def website = fixture.website()
        def agent = fixture.member(website, "agent-$website", max: 2)
        def group = fixture.group(website, 'ROUND_ROBIN', [agent], true)
        fixture.online(website, agent)
        def threads = fixture.waiting(website, group, 10)

        when:
        def start = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(12)
        def work = threads.withIndex().collect { thread, i ->
            def context = i % 2 == 0 ? first : second
            pool.submit({
                start.await()
                try {
                    context.getBean(Assignments).assign(thread, agent, Assignments.ROUTING, true)
                } catch (ApiException ignored) {
                }
            } as Callable)
        } + [first, second].collect { context -> pool.submit({ start.await(); context.getBean(Router).drain(website) } as Callable) }
        start.countDown()
        work*.get()
        pool.shutdown()

        then:
        fixture.activeByAgent(website) == [(agent): 2L]
    }
}
