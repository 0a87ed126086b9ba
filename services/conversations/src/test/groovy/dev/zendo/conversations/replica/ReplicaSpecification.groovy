package dev.zendo.conversations.replica

import dev.zendo.events.v1.Envelope
import dev.zendo.testsupport.TestInfra
import io.micronaut.context.ApplicationContext
import io.micronaut.transaction.TransactionOperations
import io.micronaut.transaction.TransactionStatus
import org.apache.kafka.clients.admin.Admin
import org.apache.kafka.clients.admin.AdminClientConfig
import org.apache.kafka.clients.admin.NewTopic
import org.apache.kafka.clients.producer.KafkaProducer
import org.apache.kafka.clients.producer.ProducerConfig
import org.apache.kafka.clients.producer.ProducerRecord
import org.apache.kafka.common.serialization.ByteArraySerializer
import org.apache.kafka.common.serialization.StringSerializer
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.sql.Connection

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS
import static dev.zendo.testsupport.TestInfra.Need.SIGNING_KEYS
import static dev.zendo.testsupport.TestInfra.Need.IDENTITY_SECRETS_KEYSET

/**
 * What the replica specs share: the conversations app on a fresh database consuming topics named for the spec alone
 * (the replica topics are settings), a producer standing in for websites and identity, and the replica's rows.
 */
abstract class ReplicaSpecification extends Specification {

    /** Topics of their own, created at once (events may be published before the app starts). */
    static Map<String, String> newTopics() {
        def topics = [websites: TestInfra.uniqueName('zendo.websites-spec'), identity: TestInfra.uniqueName('zendo.identity-spec')]
        Admin.create([(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG): TestInfra.infrastructure().kafkaBootstrapServers()] as Map<String, Object>).withCloseable { admin ->
            admin.createTopics(topics.values().collect { new NewTopic(it, 3, (short) 1) }).all().get()
        }
        topics
    }

    /** The conversations app on a fresh database, replicating {@code topics} in a consumer group of its own. */
    static ApplicationContext start(Map<String, String> topics, Map<String, Object> settings = [:]) {
        ApplicationContext.builder('test')
                .properties(TestInfra.properties('conversations', DATABASE, KAFKA, REDIS, SIGNING_KEYS, IDENTITY_SECRETS_KEYSET) + [
                        'zendo.inbox.group'                             : TestInfra.uniqueName('replica-spec'),
                        'zendo.inbox.max-backoff'                       : '200ms',
                        'zendo.conversations.replica.websites-topic'    : topics.websites,
                        'zendo.conversations.replica.identity-topic'    : topics.identity,
                        'zendo.kafka.retained-topics'                   : "$topics.websites,$topics.identity" as String,
                ] + settings as Map<String, Object>)
                .start()
    }

    /** Produces {@code events} to {@code topic}, keyed as their producers key them (website id, else agent id), in order. */
    static void publish(String topic, List<Envelope> events) {
        new KafkaProducer<String, byte[]>([
                (ProducerConfig.BOOTSTRAP_SERVERS_CONFIG): TestInfra.infrastructure().kafkaBootstrapServers(),
                (ProducerConfig.ACKS_CONFIG)             : 'all',
        ] as Map<String, Object>, new StringSerializer(), new ByteArraySerializer()).withCloseable { producer ->
            events.each { event ->
                producer.send(new ProducerRecord<String, byte[]>(topic, key(event), event.toByteArray())).get()
            }
        }
    }

    /** Waits until every one of {@code events} is processed (applied, or skipped as a duplicate) or parked. */
    static void awaitProcessed(ApplicationContext context, List<Envelope> events) {
        def ids = events*.eventId.toSet()
        within(30).eventually {
            def done = rows(context, 'SELECT event_id::text FROM inbox_processed UNION SELECT event_id::text FROM inbox_parked WHERE event_id IS NOT NULL')*.getAt(0).toSet()
            assert done.containsAll(ids)
        }
    }

    /** The rows of {@code sql}, each as a list of its columns (SQL arrays as lists). */
    static List<List> rows(ApplicationContext context, String sql, List parameters = []) {
        context.getBean(TransactionOperations).executeRead { TransactionStatus<Connection> status ->
            def statement = status.connection.prepareStatement(sql)
            parameters.eachWithIndex { value, i -> statement.setObject(i + 1, value) }
            def result = statement.executeQuery()
            def columns = result.metaData.columnCount
            def rows = []
            while (result.next()) {
                rows << (1..columns).collect { column ->
                    def value = result.getObject(column)
                    value instanceof java.sql.Array ? (value.array as List) : value
                }
            }
            statement.close()
            rows
        } as List<List>
    }

    static PollingConditions within(double seconds) {
        new PollingConditions(timeout: seconds, delay: 0.05)
    }

    private static String key(Envelope event) {
        if (!event.websiteId.isEmpty()) {
            return event.websiteId
        }
        switch (event.payloadCase) {
            case Envelope.PayloadCase.AGENT_REGISTERED: return event.agentRegistered.agentId
            case Envelope.PayloadCase.AGENT_UPDATED: return event.agentUpdated.agentId
            default: return event.agentDisabled.agentId
        }
    }
}
