package dev.zendo.conversations.routing

import io.micronaut.context.ApplicationContext
import spock.lang.AutoCleanup
import spock.lang.Shared

/** A sticky group gives a returning visitor the agent of their last thread when it can, otherwise the least loaded. */
class StickyRoutingSpec extends RoutingSpecification {

    @Shared
    @AutoCleanup
    ApplicationContext context = start(servers())

    @Shared
    Fixture fixture = new Fixture(context)

    @Shared
    Router router = context.getBean(Router)

    def 'the visitor gets their last agent back when #situation'() {
        given:
        def website = fixture.website()
        def last = fixture.member(website, "last-$website", max: 2)
        def other = fixture.member(website, "other-$website", max: 5)
        def group = fixture.group(website, 'STICKY', [last, other], true)
        [last, other].each { fixture.online(website, it) }
        def earlier = fixture.waiting(website, group)
        context.getBean(Assignments).assign(earlier, last, Assignments.ROUTING, true)
        fixture.close(earlier)
        def again = fixture.nextThread(fixture.conversationOf(earlier))
        prepare(fixture, website, last, group)

        when:
        router.drain(website)

        then:
        fixture.agentOf(again) == (expected == 'last' ? last : other)

        where:
        situation                          | prepare                                                                  || expected
        'they are available'               | { Fixture f, UUID w, String a, UUID g -> }                               || 'last'
        'they are available, though busier' | { Fixture f, UUID w, String a, UUID g -> busy(f, w, g, a, 1) }           || 'last'
        'they are away (least loaded)'     | { Fixture f, UUID w, String a, UUID g -> f.away(w, a) }                  || 'other'
        'they are offline (least loaded)'  | { Fixture f, UUID w, String a, UUID g -> f.offline(w, a) }               || 'other'
        'they are full (least loaded)'     | { Fixture f, UUID w, String a, UUID g -> busy(f, w, g, a, 2) }           || 'other'
    }

    private static void busy(Fixture fixture, UUID website, UUID group, String agent, int threads) {
        threads.times {
            def thread = fixture.waiting(website, group)
            fixture.update("UPDATE threads SET status = 'ACTIVE', agent_id = ?, assigned_at = now() WHERE id = ?", agent, thread)
        }
    }
}
