package dev.zendo.inbox

import dev.zendo.events.v1.Envelope
import dev.zendo.events.v1.MessageCreated
import dev.zendo.testsupport.TestInfra
import io.micrometer.core.instrument.MeterRegistry
import io.micronaut.context.ApplicationContext
import io.micronaut.transaction.TransactionOperations
import io.micronaut.transaction.TransactionStatus
import org.apache.kafka.clients.admin.Admin
import org.apache.kafka.clients.admin.AdminClientConfig
import org.apache.kafka.clients.admin.NewTopic
import org.apache.kafka.clients.admin.OffsetSpec
import org.apache.kafka.clients.producer.KafkaProducer
import org.apache.kafka.clients.producer.ProducerConfig
import org.apache.kafka.clients.producer.ProducerRecord
import org.apache.kafka.common.TopicPartition
import org.apache.kafka.common.serialization.ByteArraySerializer
import org.apache.kafka.common.serialization.StringSerializer
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.sql.Connection

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.KAFKA

/** What the inbox specs share: a topic of their own, a context consuming it into a test database, and a producer. */
abstract class InboxSpecification extends Specification {

    /** A fresh database with the inbox schema's role, and this run's Kafka. */
    static Map<String, Object> database() {
        TestInfra.properties('inbox', DATABASE, KAFKA) as Map<String, Object>
    }

    /** A new topic of {@code partitions} partitions, named for this spec alone. */
    static String newTopic(int partitions = 3, String topic = TestInfra.uniqueName('zendo.inbox-spec')) {
        admin { Admin admin -> admin.createTopics([new NewTopic(topic, partitions, (short) 1)]).all().get() }
        topic
    }

    /** A started context on {@code database} whose only handler is {@code handler}, in consumer group {@code group}. */
    static ApplicationContext start(Map<String, Object> database, EventHandler handler, Map<String, Object> settings = [:]) {
        ApplicationContext.builder('test')
                .properties(database + ['zendo.inbox.group': TestInfra.uniqueName('inbox-spec'), 'zendo.inbox.max-backoff': '200ms'] + settings)
                .singletons(handler)
                .start()
    }

    /** A message event of conversation {@code key} with sequence number {@code seq}. */
    static Envelope message(String key, long seq, String body = "message $seq of $key") {
        Envelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setType('message.created')
                .setWebsiteId('w1')
                .setConversationId(key)
                .setMessageCreated(MessageCreated.newBuilder().setConversationId(key).setSeq(seq).setBody(body))
                .build()
    }

    /** Produces each [key, value] of {@code records} to {@code topic}, in order, and waits for the acknowledgements. */
    static void produce(String topic, List<List> records) {
        new KafkaProducer<String, byte[]>([
                (ProducerConfig.BOOTSTRAP_SERVERS_CONFIG): TestInfra.infrastructure().kafkaBootstrapServers(),
                (ProducerConfig.ACKS_CONFIG)             : 'all',
        ] as Map<String, Object>, new StringSerializer(), new ByteArraySerializer()).withCloseable { producer ->
            records.collect { key, value ->
                producer.send(new ProducerRecord<String, byte[]>(topic, key as String, value instanceof Envelope ? value.toByteArray() : value as byte[]))
            }.each { it.get() }
        }
    }

    /** The offsets {@code group} committed, per partition number. */
    static Map<Integer, Long> committedOffsets(String group) {
        admin { Admin admin ->
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .collectEntries { partition, offset -> [partition.partition(), offset.offset()] }
        }
    }

    /** How many members of {@code group} hold partitions. */
    static int membersWithPartitions(String group) {
        admin { Admin admin ->
            admin.describeConsumerGroups([group]).all().get()[group].members().count { !it.assignment().topicPartitions().isEmpty() } as int
        }
    }

    /** The end offsets of the non-empty partitions of {@code topic}, per partition number. */
    static Map<Integer, Long> endOffsets(String topic) {
        admin { Admin admin ->
            def partitions = admin.describeTopics([topic]).allTopicNames().get()[topic].partitions()
            def request = partitions.collectEntries { [new TopicPartition(topic, it.partition()), OffsetSpec.latest()] }
            admin.listOffsets(request).all().get()
                    .findAll { partition, info -> info.offset() > 0 }
                    .collectEntries { partition, info -> [partition.partition(), info.offset()] }
        }
    }

    private static <T> T admin(Closure<T> work) {
        Admin.create([(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG): TestInfra.infrastructure().kafkaBootstrapServers()] as Map<String, Object>).withCloseable(work)
    }

    static <T> T inTransaction(ApplicationContext context, Closure<T> work) {
        context.getBean(TransactionOperations).executeWrite { TransactionStatus<Connection> status -> work.call(status.connection) } as T
    }

    /** The rows of {@code sql}, each as a list of its columns. */
    static List<List> rows(ApplicationContext context, String sql) {
        inTransaction(context) { Connection connection ->
            def result = connection.createStatement().executeQuery(sql)
            def columns = result.metaData.columnCount
            def rows = []
            while (result.next()) {
                rows << (1..columns).collect { result.getObject(it) }
            }
            rows
        }
    }

    static long count(ApplicationContext context, String table) {
        rows(context, "SELECT count(*) FROM $table")[0][0] as long
    }

    static double counted(ApplicationContext context, String meter) {
        context.getBean(MeterRegistry).counter(meter).count()
    }

    static PollingConditions within(double seconds) {
        new PollingConditions(timeout: seconds, delay: 0.05)
    }
}
