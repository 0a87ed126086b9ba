package dev.zendo.realtimeedge.typing

import dev.zendo.events.v1.Actor
import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.Audience
import dev.zendo.events.v1.ConversationAccess
import dev.zendo.events.v1.Envelope
import dev.zendo.platform.kafka.TopicProvisioner
import dev.zendo.realtimeedge.commands.TopicEvents
import dev.zendo.testsupport.TestInfra
import io.micronaut.context.ApplicationContext
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS

/** Typing signals reach the website topic as ephemeral conversation events, keyed by conversation. */
class TypingSignalsSpec extends Specification {

    @Shared
    @AutoCleanup
    ApplicationContext context = ApplicationContext.run(TestInfra.properties('realtime-edge', KAFKA, REDIS) as Map<String, Object>, 'test')

    PollingConditions conditions = new PollingConditions(timeout: 30)

    def 'typing started and stopped by a #kind reach the website topic in order, with #what'() {
        given:
        def website = UUID.randomUUID()
        def conversation = UUID.randomUUID()
        def participant = Actor.newBuilder().setKind(kind).setId(UUID.randomUUID().toString()).build()
        def expectedAccess = ConversationAccess.newBuilder().setAssigneeId('agent-1').addParticipantIds('agent-1').build()
        def topic = new TopicEvents(context.getBean(TopicProvisioner), "zendo.site.$website")

        when:
        context.getBean(TypingSignals).typing(website, conversation, visitor, participant, true, null, expectedAccess)
        context.getBean(TypingSignals).typing(website, conversation, visitor, participant, false, null, expectedAccess)

        then:
        conditions.eventually {
            assert topic.read().size() == 2
        }
        def events = topic.read()
        events*.key == [conversation.toString()] * 2
        events*.event*.typingChanged*.typing == [true, false]
        with(events[0].event) {
            type == 'typing.changed'
            eventId ==~ /[0-9a-f-]{36}/
            occurredAt.seconds > 0
            websiteId == website.toString()
            conversationId == conversation.toString()
            hasVisitorId() == (visitor != null)
            visitorId == (visitor?.toString() ?: '')
            audience == Audience.AUDIENCE_CONVERSATION
            ephemeral
            actor == participant
            access == expectedAccess
            typingChanged.conversationId == conversation.toString()
            typingChanged.participant == participant
        }
        withoutIdTimeAndState(events[1].event) == withoutIdTimeAndState(events[0].event)
        events[1].event.eventId != events[0].event.eventId

        cleanup:
        topic.close()

        where:
        kind                         | visitor           || what
        ActorKind.ACTOR_KIND_VISITOR | UUID.randomUUID() || "the conversation's visitor"
        ActorKind.ACTOR_KIND_AGENT   | UUID.randomUUID() || "the conversation's visitor"
        ActorKind.ACTOR_KIND_AGENT   | null              || 'no visitor when the edge does not know it'
    }

    private static Envelope withoutIdTimeAndState(Envelope event) {
        event.toBuilder().clearEventId().clearOccurredAt().setTypingChanged(event.typingChanged.toBuilder().clearTyping()).build()
    }
}
