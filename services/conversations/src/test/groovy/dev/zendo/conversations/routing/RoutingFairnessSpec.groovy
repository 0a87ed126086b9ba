package dev.zendo.conversations.routing

import io.micronaut.context.ApplicationContext
import spock.lang.AutoCleanup
import spock.lang.Shared

/** Routing spreads threads fairly: round robin evenly, least loaded by free slots and never beyond capacity. */
class RoutingFairnessSpec extends RoutingSpecification {

    @Shared
    @AutoCleanup
    ApplicationContext context = start(servers())

    @Shared
    Fixture fixture = new Fixture(context)

    @Shared
    Router router = context.getBean(Router)

    def 'round robin gives 1,000 threads to 5 agents within one of each other'() {
        given:
        def website = fixture.website()
        def agents = (1..5).collect { fixture.member(website, "rr-$it-$website", max: 1000) }
        def group = fixture.group(website, 'ROUND_ROBIN', agents, true)
        agents.each { fixture.online(website, it) }
        fixture.waiting(website, group, 1000)

        when:
        def assigned = router.drain(website)

        then:
        assigned == 1000
        def counts = fixture.activeByAgent(website)
        counts.keySet() == agents as Set
        counts.values().max() - counts.values().min() <= 1
    }

    def 'round robin goes on where the group left off'() {
        given:
        def website = fixture.website()
        def agents = ['a', 'b', 'c'].collect { fixture.member(website, "$it-$website", max: 10) }
        def group = fixture.group(website, 'ROUND_ROBIN', agents, true)
        agents.each { fixture.online(website, it) }

        when:
        def first = fixture.waiting(website, group, 2)
        router.drain(website)
        def second = fixture.waiting(website, group, 2)
        router.drain(website)

        then:
        (first + second).collect { fixture.agentOf(it) } == [agents[0], agents[1], agents[2], agents[0]]
    }

    def 'least loaded never puts an agent over capacity while 1,000 threads come and go'() {
        given:
        def website = fixture.website()
        def capacity = [2, 3, 4, 5, 6]
        def agents = capacity.withIndex().collect { max, i -> fixture.member(website, "ll-$i-$website", max: max) }
        def maxOf = [agents, capacity].transpose().collectEntries()
        def group = fixture.group(website, 'LEAST_LOADED', agents, true)
        agents.each { fixture.online(website, it) }
        def threads = fixture.waiting(website, group, 1000)
        def random = new Random(7)
        def overCapacity = []
        def idleWhileQueued = []

        when:
        int rounds = 0
        while (fixture.value("SELECT count(*) FROM threads WHERE website_id = ? AND status = 'PENDING'", website) > 0) {
            router.drain(website)
            def active = fixture.activeByAgent(website)
            overCapacity += active.findAll { agent, count -> count > maxOf[agent] }.keySet()
            if (fixture.value("SELECT count(*) FROM threads WHERE website_id = ? AND status = 'PENDING'", website) > 0) {
                idleWhileQueued += agents.findAll { (active[it] ?: 0) < maxOf[it] }
            }
            fixture.rows("SELECT id FROM threads WHERE website_id = ? AND status = 'ACTIVE'", website)
                    .findAll { random.nextInt(3) == 0 }
                    .each { fixture.close(it.id as UUID) }
            rounds++
        }

        then:
        overCapacity.empty
        idleWhileQueued.empty
        threads.every { fixture.thread(it).assigned_at != null }
        rounds > 1
    }

    def 'least loaded picks the agent with the most free slots, ties in turn'() {
        given:
        def website = fixture.website()
        def small = fixture.member(website, "small-$website", max: 2)
        def big = fixture.member(website, "big-$website", max: 4)
        def group = fixture.group(website, 'LEAST_LOADED', [small, big], true)
        [small, big].each { fixture.online(website, it) }
        def threads = fixture.waiting(website, group, 4)

        when:
        router.drain(website)

        then: 'big (4 free) first; then both have 2 or 1 free in turns'
        threads.collect { fixture.agentOf(it) } == [big, big, small, big]
    }
}
