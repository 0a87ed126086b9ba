package dev.zendo.realtimeedge.typing

import dev.zendo.events.v1.Actor
import dev.zendo.events.v1.ActorKind
import dev.zendo.testsupport.SteppingClock
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/**
 * At most one typing signal per second per conversation and sender, state changes always, drafts held and sent late
 * rather than dropped, in bounded memory.
 */
class TypingThrottleSpec extends Specification {

    SteppingClock clock = new SteppingClock(Instant.parse('2026-01-01T00:00:00Z'))

    @Shared
    UUID conversation = UUID.randomUUID()

    @Shared
    Actor visitor = Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_VISITOR).setId(UUID.randomUUID().toString()).build()

    TypingThrottle throttle(int maxSenders = 100) {
        new TypingThrottle(new TypingSettings(Duration.ofSeconds(1), maxSenders), clock)
    }

    def 'a #second #elapsed ms after a #first that passed is #outcome'() {
        given:
        def throttle = throttle()
        throttle.offer(conversation, visitor, first == 'start', null).now()

        when:
        clock.advance(elapsed)

        then:
        throttle.offer(conversation, visitor, second == 'start', null).now() == (outcome == 'passed')

        where:
        first   | second  | elapsed || outcome
        'start' | 'start' | 0       || 'dropped'
        'start' | 'start' | 999     || 'dropped'
        'start' | 'start' | 1000    || 'passed'
        'start' | 'stop'  | 0       || 'passed'
        'stop'  | 'start' | 0       || 'passed'
        'stop'  | 'stop'  | 500     || 'dropped'
        'stop'  | 'stop'  | 1500    || 'passed'
    }

    def 'a dropped signal does not extend the second: the next one passes a second after the last that passed'() {
        given:
        def throttle = throttle()

        expect:
        throttle.offer(conversation, visitor, true, null).now()
        clock.advance(600)
        !throttle.offer(conversation, visitor, true, null).now()
        clock.advance(400)
        throttle.offer(conversation, visitor, true, null).now()
    }

    def 'a start by #other passes right after a visitor\'s start'() {
        given:
        def throttle = throttle()
        throttle.offer(conversation, visitor, true, null).now()

        expect:
        throttle.offer(otherConversation ? UUID.randomUUID() : conversation, sender, true, null).now()

        where:
        other                                      | otherConversation | sender
        'the same sender in another conversation'  | true              | visitor
        'an agent with the same id'                | false             | Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_AGENT).setId(visitor.id).build()
        'another visitor in the same conversation' | false             | Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_VISITOR).setId(UUID.randomUUID().toString()).build()
    }

    def 'beyond max-senders new senders are dropped until the remembered ones are a second old'() {
        given:
        def throttle = throttle(2)
        def sender = { Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_AGENT).setId(it).build() }

        expect:
        throttle.offer(conversation, sender('a'), true, null).now()
        throttle.offer(conversation, sender('b'), true, null).now()
        !throttle.offer(conversation, sender('c'), true, null).now()
        throttle.offer(conversation, sender('a'), false, null).now()

        when:
        clock.advance(1000)

        then:
        throttle.offer(conversation, sender('c'), true, null).now()
    }

    def 'drafts within the second are held, the latest wins, and it goes out when the second is over'() {
        given:
        def throttle = throttle()

        expect: 'the first draft goes out at once'
        throttle.offer(conversation, visitor, true, 'H').now()

        when: 'two more come within the second'
        clock.advance(300)
        def second = throttle.offer(conversation, visitor, true, 'He')
        clock.advance(300)
        def third = throttle.offer(conversation, visitor, true, 'Hel')

        then: 'the first held one asks for a flush when the second is over; the next just replaces it'
        second == new TypingThrottle.Verdict(false, 700)
        third == TypingThrottle.Verdict.DROPPED

        when:
        clock.advance(400)

        then: 'the flush sends the latest draft, once'
        throttle.flush(conversation, visitor) == 'Hel'
        throttle.flush(conversation, visitor) == null

        and: 'the flush counts as the last signal sent'
        !throttle.offer(conversation, visitor, true, null).now()
    }

    def 'a stop within the second passes and clears the held draft'() {
        given:
        def throttle = throttle()
        throttle.offer(conversation, visitor, true, 'Hello')
        clock.advance(200)
        throttle.offer(conversation, visitor, true, 'Hello th')

        when:
        def stop = throttle.offer(conversation, visitor, false, null)
        clock.advance(800)

        then:
        stop.now()
        throttle.flush(conversation, visitor) == null
    }

    def 'a held draft is not forgotten by the purge of old senders'() {
        given:
        def throttle = throttle()
        throttle.offer(conversation, visitor, true, 'a')
        clock.advance(500)
        throttle.offer(conversation, visitor, true, 'ab')

        when: 'the purge runs long after, before the flush'
        clock.advance(5000)
        throttle.offer(UUID.randomUUID(), visitor, true, null)

        then:
        throttle.flush(conversation, visitor) == 'ab'
    }
}
