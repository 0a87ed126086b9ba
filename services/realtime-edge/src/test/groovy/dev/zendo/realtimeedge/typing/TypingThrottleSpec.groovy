package dev.zendo.realtimeedge.typing

import dev.zendo.events.v1.Actor
import dev.zendo.events.v1.ActorKind
import spock.lang.Shared
import spock.lang.Specification

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId
import java.time.ZoneOffset

/** At most one typing signal per second per conversation and sender, state changes always, in bounded memory. */
class TypingThrottleSpec extends Specification {

    SteppingClock clock = new SteppingClock()

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
        throttle.admit(conversation, visitor, first == 'start')

        when:
        clock.advance(elapsed)

        then:
        throttle.admit(conversation, visitor, second == 'start') == (outcome == 'passed')

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
        throttle.admit(conversation, visitor, true)
        clock.advance(600)
        !throttle.admit(conversation, visitor, true)
        clock.advance(400)
        throttle.admit(conversation, visitor, true)
    }

    def 'a start by #other passes right after a visitor\'s start'() {
        given:
        def throttle = throttle()
        throttle.admit(conversation, visitor, true)

        expect:
        throttle.admit(otherConversation ? UUID.randomUUID() : conversation, sender, true)

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
        throttle.admit(conversation, sender('a'), true)
        throttle.admit(conversation, sender('b'), true)
        !throttle.admit(conversation, sender('c'), true)
        throttle.admit(conversation, sender('a'), false)

        when:
        clock.advance(1000)

        then:
        throttle.admit(conversation, sender('c'), true)
    }

    /** A clock that moves only when told. */
    static final class SteppingClock extends Clock {

        private Instant now = Instant.parse('2026-01-01T00:00:00Z')

        void advance(long millis) {
            now = now.plusMillis(millis)
        }

        @Override
        ZoneId getZone() {
            ZoneOffset.UTC
        }

        @Override
        Clock withZone(ZoneId zone) {
            this
        }

        @Override
        Instant instant() {
            now
        }
    }
}
