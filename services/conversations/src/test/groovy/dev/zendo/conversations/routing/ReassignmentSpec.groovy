package dev.zendo.conversations.routing

import dev.zendo.events.v1.Envelope
import io.micronaut.context.ApplicationContext
import spock.lang.AutoCleanup
import spock.lang.Shared

import java.time.Instant

/** Threads of an agent who has been offline longer than the timeout go back to the queue and to another agent. */
class ReassignmentSpec extends RoutingSpecification {

    @Shared
    @AutoCleanup
    ApplicationContext context = start(servers(), ['zendo.conversations.routing.offline-timeout': '1m'])

    @Shared
    Fixture fixture = new Fixture(context)

    def 'an agent who is #situation #outcome their thread'() {
        given:
        def website = fixture.website()
        def agent = fixture.member(website, "agent-$website")
        def group = fixture.group(website, 'ROUND_ROBIN', [agent], true)
        def thread = fixture.waiting(website, group, Instant.now().minusSeconds(600))
        fixture.update("UPDATE threads SET status = 'ACTIVE', agent_id = ?, assigned_at = ? WHERE id = ?", agent, Instant.now().minusSeconds(assignedAgo), thread)
        presence(fixture, website, agent)

        when:
        def taken = context.getBean(Reassignment).takeBackFromOfflineAgents(website)

        then:
        taken == (outcome == 'keeps' ? 0 : 1)
        fixture.thread(thread).status == (outcome == 'keeps' ? 'ACTIVE' : 'PENDING')

        where:
        situation                                   | assignedAgo | presence                                                              || outcome
        'online'                                    | 600         | { f, w, a -> f.online(w, a) }                                         || 'keeps'
        'away'                                      | 600         | { f, w, a -> f.away(w, a) }                                           || 'keeps'
        'offline for less than the timeout'         | 600         | { f, w, a -> f.offline(w, a, Instant.now().minusSeconds(30)) }        || 'keeps'
        'offline for longer than the timeout'       | 600         | { f, w, a -> f.offline(w, a, Instant.now().minusSeconds(90)) }        || 'loses'
        'never seen, assigned long ago'             | 600         | { f, w, a -> }                                                        || 'loses'
        'never seen, assigned a moment ago'         | 10          | { f, w, a -> }                                                        || 'keeps'
        'offline since before a recent assignment'  | 10          | { f, w, a -> f.offline(w, a, Instant.now().minusSeconds(3600)) }      || 'keeps'
    }

    def 'the sweep hands the thread of an agent gone offline to another one, keeping its place at the front'() {
        given: 'a context sweeping often with a short timeout'
        def sweeping = start(servers(), [
                'zendo.conversations.routing.offline-timeout': '1s',
                'zendo.conversations.routing.sweep-interval' : '100ms',
        ])
        def swept = new Fixture(sweeping)
        def website = swept.website()
        def ana = swept.member(website, "ana-$website", max: 1)
        def ben = swept.member(website, "ben-$website", max: 2)
        def group = swept.group(website, 'ROUND_ROBIN', [ana, ben], true)
        swept.online(website, ana)
        def thread = swept.waiting(website, group, Instant.now().minusSeconds(600))
        sweeping.getBean(Router).drain(website)
        assert swept.agentOf(thread) == ana
        def later = swept.waiting(website, group, Instant.now().minusSeconds(60))

        when: 'ana drops off and ben comes online'
        swept.offline(website, ana, Instant.now().minusSeconds(5))
        swept.online(website, ben)

        then: 'the old thread is taken back and routed first, then the later one'
        within(15).eventually {
            assert swept.agentOf(thread) == ben
            assert swept.agentOf(later) == ben
        }
        def assignments = swept.events(website)
                .findAll { it.payloadCase == Envelope.PayloadCase.CONVERSATION_ASSIGNED }
                .collect { it.conversationAssigned }
                .findAll { it.threadId == thread.toString() }
        assignments*.agentId == [ana, '', ben]
        assignments[1].previousAgentId == ana
        swept.thread(thread).queued_at.toInstant() < swept.thread(later).queued_at.toInstant()

        cleanup:
        sweeping?.close()
    }
}
