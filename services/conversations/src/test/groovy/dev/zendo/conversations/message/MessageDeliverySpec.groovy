package dev.zendo.conversations.message

import dev.zendo.conversations.conversation.ModelSpecification
import dev.zendo.conversations.events.SiteEvents
import dev.zendo.events.v1.Envelope
import dev.zendo.testsupport.TestInfra
import io.micrometer.core.instrument.MeterRegistry
import io.micronaut.context.ApplicationContext
import org.apache.kafka.clients.consumer.ConsumerConfig
import org.apache.kafka.clients.consumer.ConsumerRecord
import org.apache.kafka.clients.consumer.KafkaConsumer
import org.apache.kafka.common.TopicPartition
import org.apache.kafka.common.serialization.ByteArrayDeserializer
import org.apache.kafka.common.serialization.StringDeserializer
import spock.util.concurrent.PollingConditions

import java.time.Duration

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
        def records = records(SiteEvents.topic(website))
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

    /** Everything on {@code topic}, read from the beginning by a fresh consumer. */
    private static List<ConsumerRecord<String, byte[]>> records(String topic) {
        def consumer = new KafkaConsumer<String, byte[]>([
                (ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) : TestInfra.infrastructure().kafkaBootstrapServers(),
                (ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG): false,
        ] as Map<String, Object>, new StringDeserializer(), new ByteArrayDeserializer())
        try {
            def partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).collect { new TopicPartition(topic, it.partition()) }
            consumer.assign(partitions)
            consumer.seekToBeginning(partitions)
            def end = consumer.endOffsets(partitions)
            List<ConsumerRecord<String, byte[]>> records = []
            while (partitions.any { consumer.position(it) < end[it] }) {
                records.addAll(consumer.poll(Duration.ofMillis(200)))
            }
            records
        } finally {
            consumer.close(Duration.ZERO)
        }
    }
}
