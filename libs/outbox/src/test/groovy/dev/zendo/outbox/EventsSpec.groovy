package dev.zendo.outbox

import dev.zendo.events.v1.AgentRegistered
import dev.zendo.events.v1.Envelope
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/** Envelopes get their id, time and type from one place, never from the caller's hand. */
class EventsSpec extends Specification {

    def 'the type of a #payload payload is #type'() {
        expect:
        Events.type(payload) == type

        where:
        payload                                  || type
        Envelope.PayloadCase.AGENT_REGISTERED    || 'agent.registered'
        Envelope.PayloadCase.MESSAGE_CREATED     || 'message.created'
        Envelope.PayloadCase.MEMBER_ROLE_CHANGED || 'member.role_changed'
        Envelope.PayloadCase.READ_UP_TO          || 'read.up_to'
    }

    def 'a new envelope has a random event id and the current time'() {
        when:
        def first = Events.envelope()
        def second = Events.envelope()

        then:
        UUID.fromString(first.eventId) != UUID.fromString(second.eventId)
        Duration.between(Instant.ofEpochSecond(first.occurredAt.seconds, first.occurredAt.nanos), Instant.now()).abs() < Duration.ofSeconds(5)
    }

    def 'building sets the type from the payload'() {
        expect:
        Events.build(Events.envelope().setAgentRegistered(AgentRegistered.newBuilder().setAgentId('a1'))).type == 'agent.registered'
    }

    def 'an envelope without a payload cannot be built'() {
        when:
        Events.build(Events.envelope())

        then:
        def e = thrown(IllegalArgumentException)
        e.message == 'the envelope carries no payload'
    }
}
