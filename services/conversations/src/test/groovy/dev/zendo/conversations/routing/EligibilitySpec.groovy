package dev.zendo.conversations.routing

import io.micronaut.context.ApplicationContext
import spock.lang.AutoCleanup
import spock.lang.Shared

import java.time.Duration
import java.time.Instant

/**
 * Only members of the thread's group who are not viewers, not disabled, accepting chats, online and not away, and
 * under their maximum of active chats get threads.
 */
class EligibilitySpec extends RoutingSpecification {

    @Shared
    @AutoCleanup
    ApplicationContext context = start(servers())

    @Shared
    Fixture fixture = new Fixture(context)

    @Shared
    Router router = context.getBean(Router)

    def 'an agent who is #situation #outcome'() {
        given:
        def website = fixture.website()
        def agent = fixture.member(member, website, "agent-$website")
        def other = fixture.member(website, "other-$website", max: 1)
        def group = fixture.group(website, 'ROUND_ROBIN', groupMembers(agent, other), true)
        fixture.online(website, agent)
        presence(fixture, website, agent)
        full.times {
            def busy = fixture.waiting(website, group)
            fixture.update("UPDATE threads SET status = 'ACTIVE', agent_id = ?, assigned_at = now() WHERE id = ?", agent, busy)
        }
        def thread = fixture.waiting(website, group)

        when:
        router.drain(website)

        then:
        fixture.thread(thread).status == (outcome == 'gets the thread' ? 'ACTIVE' : 'PENDING')
        fixture.agentOf(thread) == (outcome == 'gets the thread' ? agent : null)

        where:
        situation                              | member                | full | groupMembers                  | presence                                                                  || outcome
        'eligible'                             | [:]                   | 0    | { a, o -> [a] }               | { f, w, a -> }                                                            || 'gets the thread'
        'under capacity'                       | [max: 2]              | 1    | { a, o -> [a] }               | { f, w, a -> }                                                            || 'gets the thread'
        'in a group without members'           | [:]                   | 0    | { a, o -> [] }                | { f, w, a -> }                                                            || 'gets the thread'
        'a viewer'                             | [role: 'VIEWER']      | 0    | { a, o -> [a] }               | { f, w, a -> }                                                            || 'waits'
        'disabled'                             | [disabled: true]      | 0    | { a, o -> [a] }               | { f, w, a -> }                                                            || 'waits'
        'not accepting chats'                  | [accepting: false]    | 0    | { a, o -> [a] }               | { f, w, a -> }                                                            || 'waits'
        'away'                                 | [:]                   | 0    | { a, o -> [a] }               | { f, w, a -> f.away(w, a) }                                               || 'waits'
        'offline (presence lapsed)'            | [:]                   | 0    | { a, o -> [a] }               | { f, w, a -> f.offline(w, a, Instant.now().minusSeconds(1)) }             || 'waits'
        'never seen online'                    | [:]                   | 0    | { a, o -> [a] }               | { f, w, a -> f.redis.zrem(Presence.onlineKey(w), a) }                     || 'waits'
        'at capacity'                          | [max: 2]              | 2    | { a, o -> [a] }               | { f, w, a -> }                                                            || 'waits'
        'not in the group'                     | [:]                   | 0    | { a, o -> [o] }               | { f, w, a -> }                                                            || 'waits'
        'online for a moment more'             | [:]                   | 0    | { a, o -> [a] }               | { f, w, a -> f.online(w, a, Duration.ofSeconds(30)) }                     || 'gets the thread'
    }

    def 'a thread without a group is routed by the website default group'() {
        given:
        def website = fixture.website()
        def outsider = fixture.member(website, "outsider-$website")
        def insider = fixture.member(website, "insider-$website")
        fixture.group(website, 'ROUND_ROBIN', [insider], true)
        [outsider, insider].each { fixture.online(website, it) }
        def thread = fixture.waiting(website, null)

        when:
        router.drain(website)

        then:
        fixture.agentOf(thread) == insider
    }

    def 'a thread of a deleted group is routed by the default group'() {
        given:
        def website = fixture.website()
        def outsider = fixture.member(website, "outsider-$website")
        def insider = fixture.member(website, "insider-$website")
        def gone = fixture.group(website, 'ROUND_ROBIN', [outsider])
        fixture.update('UPDATE replica_groups SET deleted = TRUE WHERE group_id = ?', gone)
        def byDefault = fixture.group(website, 'ROUND_ROBIN', [insider])
        fixture.update('UPDATE replica_websites SET default_group_id = ? WHERE website_id = ?', byDefault, website)
        [outsider, insider].each { fixture.online(website, it) }
        def thread = fixture.waiting(website, gone)

        when:
        router.drain(website)

        then:
        fixture.agentOf(thread) == insider
    }

    def 'a website without groups routes to all its members'() {
        given:
        def website = fixture.website()
        def agent = fixture.member(website, "agent-$website")
        fixture.online(website, agent)
        def thread = fixture.waiting(website, null)

        when:
        router.drain(website)

        then:
        fixture.agentOf(thread) == agent
    }
}
