package dev.zendo.testsupport

import org.apache.kafka.clients.consumer.ConsumerConfig
import org.apache.kafka.clients.consumer.ConsumerRecord
import org.apache.kafka.clients.consumer.KafkaConsumer
import org.apache.kafka.common.TopicPartition
import org.apache.kafka.common.serialization.ByteArrayDeserializer
import org.apache.kafka.common.serialization.StringDeserializer

import java.time.Duration

/** What a topic of this run's Kafka holds, for specs that check what was published. */
final class TopicRecords {

    private TopicRecords() {
    }

    /** Everything on {@code topic}, read from the beginning by a fresh consumer; nothing when it does not exist. */
    static List<ConsumerRecord<String, byte[]>> of(String topic) {
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
