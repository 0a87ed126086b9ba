package dev.zendo.realtimeedge.commands

import dev.zendo.events.v1.Envelope
import dev.zendo.platform.kafka.TopicProvisioner
import dev.zendo.testsupport.TestInfra
import org.apache.kafka.clients.consumer.ConsumerConfig
import org.apache.kafka.clients.consumer.KafkaConsumer
import org.apache.kafka.common.TopicPartition
import org.apache.kafka.common.serialization.ByteArrayDeserializer
import org.apache.kafka.common.serialization.StringDeserializer

import java.time.Duration

/** Every event a topic received since it was created, with its key, read from the start of each partition. */
final class TopicEvents implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer
    private final List<Keyed> received = []

    TopicEvents(TopicProvisioner topics, String topic) {
        topics.ensure(topic)
        consumer = new KafkaConsumer<String, byte[]>([
                (ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG): TestInfra.infrastructure().kafkaBootstrapServers(),
        ] as Map<String, Object>, new StringDeserializer(), new ByteArrayDeserializer())
        def partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).collect { new TopicPartition(topic, it.partition()) }
        consumer.assign(partitions)
        consumer.seekToBeginning(partitions)
    }

    /** What arrived so far, each partition in order. */
    List<Keyed> read() {
        consumer.poll(Duration.ofMillis(200)).each { received << new Keyed(it.key(), Envelope.parseFrom(it.value())) }
        received
    }

    @Override
    void close() {
        consumer.close()
    }

    /** An event and the key it was published under. */
    static final class Keyed {
        final String key
        final Envelope event

        Keyed(String key, Envelope event) {
            this.key = key
            this.event = event
        }
    }
}
