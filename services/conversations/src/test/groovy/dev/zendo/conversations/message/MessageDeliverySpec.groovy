package dev.zendo.conversations.message

import dev.zendo.conversations.conversation.ModelSpecification
import dev.zendo.conversations.events.SiteEvents
import dev.zendo.events.v1.Envelope
import dev.zendo.testsupport.TopicRecords
import io.micrometer.core.instrument.MeterRegistry
import io.micronaut.context.ApplicationContext
import spock.util.concurrent.PollingConditions

/** Every stored message reaches Kafka, even when the instance publishing the outbox dies in the middle of a batch. */
class MessageDeliverySpec extends ModelSpecification {

    def 'no MessageCreated is lost when the relay dies mid-batch; duplicates carry the same event_id'() {
        given: 'messages posted while no relay runs'
        def website = website()
        def agent = agent('Ana')
        def posted = (1..10).collectMany { c ->
            def conversation = conversation(website)
            (1..30).collect { n ->
                n % 3 == 0 ? post(conversation, agentAuthor(agent), "note $c/$n", MessageKind.NOTE).message()
                        : visitorSays(conversation, "message $c/$n").message()
            }
        }

        when: 'a relay starts, publishes part of them and is stopped with its batch in flight abandoned'
        def first = relay(['zendo.outbox.batch-size': '5', 'zendo.outbox.drain-timeout': '0s'])
        new PollingConditions(timeout: 30, delay: 0.05).eventually {
            assert first.getBean(MeterRegistry).counter('zendo.outbox.published').count() > 0
        }
        first.close()

        and: 'another instance takes over'
        def second = relay([:])
        new PollingConditions(timeout: 60, delay: 0.2).eventually {
            assert rows('SELECT count(*) FROM outbox WHERE sent_at IS NULL').first()[0] == 0
        }

        then: 'every message is on the topic, keyed by its conversation, and copies are identical'
        def records = TopicRecords.of(SiteEvents.topic(website))
        def created = records.findAll { Envelope.parseFrom(it.value()).hasMessageCreated() }
        def byMessage = created.groupBy { Envelope.parseFrom(it.value()).messageCreated.messageId }
        byMessage.keySet() == posted*.id()*.toString() as Set
        byMessage.values().every { copies -> copies.collect { [it.key(), it.value() as List] }.unique().size() == 1 }
        created.every { it.key() == Envelope.parseFrom(it.value()).conversationId }

        and: 'within a conversation the first copy of each message arrives in seq order'
        created.groupBy { it.key() }.values().every { perKey ->
            def seqs = perKey.collect { Envelope.parseFrom(it.value()).messageCreated.seq }.unique()
            seqs == seqs.toSorted()
        }

        cleanup:
        first?.close()
        second?.close()
    }

    private ApplicationContext relay(Map<String, Object> settings) {
        ApplicationContext.run(properties + ['zendo.outbox.enabled': 'true', 'zendo.outbox.poll-interval': '1s'] + settings, 'test')
    }
}
