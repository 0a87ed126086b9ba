package dev.zendo.realtimeedge.commands

import dev.zendo.events.v1.Actor
import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.Audience
import dev.zendo.events.v1.Envelope
import dev.zendo.events.v1.ReadRequested
import dev.zendo.platform.kafka.TopicProvisioner
import dev.zendo.testsupport.TestInfra
import io.micrometer.core.instrument.MeterRegistry
import io.micronaut.context.ApplicationContext
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS

/** Clients' read requests reach conversations through the commands topic; events the edge cannot hand over are counted. */
class ClientCommandsSpec extends Specification {

    @Shared
    @AutoCleanup
    ApplicationContext context = ApplicationContext.run(TestInfra.properties('realtime-edge', KAFKA, REDIS) as Map<String, Object>, 'test')

    @Shared
    @AutoCleanup
    TopicEvents commands = new TopicEvents(context.getBean(TopicProvisioner), KafkaClientCommands.TOPIC)

    PollingConditions conditions = new PollingConditions(timeout: 30)

    def 'a read by #kind lands on the commands topic keyed by the conversation, with the reader as actor'() {
        given:
        def website = UUID.randomUUID()
        def conversation = UUID.randomUUID()
        def reader = Actor.newBuilder().setKind(kind).setId(UUID.randomUUID().toString()).build()

        when:
        context.getBean(ClientCommands).read(website, conversation, reader, 42)

        then:
        conditions.eventually {
            assert commands.read().findAll { it.key == conversation.toString() }.size() == 1
        }
        def command = commands.read().find { it.key == conversation.toString() }.event
        with(command) {
            type == 'read.requested'
            eventId ==~ /[0-9a-f-]{36}/
            occurredAt.seconds > 0
            websiteId == website.toString()
            conversationId == conversation.toString()
            audience == Audience.AUDIENCE_SERVICES
            !ephemeral
            actor == reader
            payloadCase == Envelope.PayloadCase.READ_REQUESTED
            readRequested.conversationId == conversation.toString()
            readRequested.reader == reader
            readRequested.seq == 42
        }

        where:
        kind << [ActorKind.ACTOR_KIND_AGENT, ActorKind.ACTOR_KIND_VISITOR]
    }

    def 'an event Kafka refuses is counted and never thrown at the caller'() {
        given:
        def failures = { context.getBean(MeterRegistry).find('zendo.realtime.produce.failures').tag('reason', 'send').counter()?.count() ?: 0 }
        def before = failures()

        when:
        context.getBean(EdgeProducer).publish('not a valid topic!', 'key', Envelope.newBuilder()
                .setReadRequested(ReadRequested.newBuilder().setSeq(1)))

        then:
        noExceptionThrown()
        conditions.eventually {
            assert failures() == before + 1
        }
    }
}
