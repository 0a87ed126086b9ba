package dev.zendo.outbox

import dev.zendo.events.v1.Envelope
import dev.zendo.events.v1.MessageCreated
import dev.zendo.testsupport.TestInfra
import dev.zendo.testsupport.TopicRecords
import io.micrometer.core.instrument.MeterRegistry
import io.micronaut.context.ApplicationContext
import io.micronaut.transaction.TransactionOperations
import io.micronaut.transaction.TransactionStatus
import org.apache.kafka.clients.consumer.ConsumerRecord
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.nio.charset.StandardCharsets
import java.sql.Connection

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.KAFKA

/** What the outbox specs share: contexts on a test database, appending in a transaction, and reading a topic back. */
abstract class OutboxSpecification extends Specification {

    /** A fresh database with the outbox schema's role, and this run's Kafka. */
    static Map<String, Object> database() {
        TestInfra.properties('outbox', DATABASE, KAFKA) as Map<String, Object>
    }

    /** A started context on {@code database}, with {@code settings} on top of the test configuration. */
    static ApplicationContext start(Map<String, Object> database, Map<String, Object> settings = [:]) {
        ApplicationContext.run(database + ['zendo.outbox.poll-interval': '1s'] + settings, 'test')
    }

    static String uniqueTopic() {
        TestInfra.uniqueName('zendo.outbox-spec')
    }

    /** A message event of conversation {@code key} with sequence number {@code seq}. */
    static Envelope message(String key, long seq) {
        Events.build(Events.envelope()
                .setWebsiteId('w1')
                .setConversationId(key)
                .setMessageCreated(MessageCreated.newBuilder().setConversationId(key).setSeq(seq).setBody("message $seq of $key")))
    }

    /** {@code count} message events spread round-robin over {@code conversations} keys, each as [key, envelope]. */
    static List<List> messages(int count, int conversations) {
        (1..count).collect { seq ->
            def key = "c${seq % conversations}".toString()
            [key, message(key, seq)]
        }
    }

    /** The sequence numbers of each key's events, in append order. */
    static Map<String, List<Long>> sequencesByKeyOf(List<List> events) {
        events.groupBy { it[0] }.collectEntries { key, list -> [key, list.collect { (it[1] as Envelope).messageCreated.seq }] }
    }

    /** Runs {@code work} in one transaction of {@code context}. */
    static <T> T inTransaction(ApplicationContext context, Closure<T> work) {
        context.getBean(TransactionOperations).executeWrite { TransactionStatus<Connection> status -> work.call(status) } as T
    }

    /** Appends {@code events} (each [key, envelope]) to {@code topic} in one transaction. */
    static void appendAll(ApplicationContext context, String topic, List<List> events) {
        def outbox = context.getBean(Outbox)
        inTransaction(context) { events.each { key, event -> outbox.append(topic, key as String, event as Envelope) } }
    }

    /** Runs {@code sql} on its own connection of {@code context}'s database and returns the first column of the first row. */
    static Object query(ApplicationContext context, String sql) {
        inTransaction(context) { TransactionStatus<Connection> status ->
            def result = status.connection.createStatement().executeQuery(sql)
            result.next() ? result.getObject(1) : null
        }
    }

    static long unsent(ApplicationContext context) {
        query(context, 'SELECT count(*) FROM outbox WHERE sent_at IS NULL') as long
    }

    static double published(ApplicationContext context) {
        context.getBean(MeterRegistry).counter('zendo.outbox.published').count()
    }

    /** Everything on {@code topic}, read from the beginning by a fresh consumer; nothing when it does not exist. */
    static List<ConsumerRecord<String, byte[]>> records(String topic) {
        TopicRecords.of(topic)
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8)
    }

    static Envelope envelope(ConsumerRecord<String, byte[]> record) {
        Envelope.parseFrom(record.value())
    }

    /** The sequence numbers each key's records carry, in topic order. */
    static Map<String, List<Long>> sequencesByKey(List<ConsumerRecord<String, byte[]>> records) {
        records.groupBy { it.key() }.collectEntries { key, list -> [key, list.collect { envelope(it).messageCreated.seq }] }
    }

    static PollingConditions within(double seconds) {
        new PollingConditions(timeout: seconds, delay: 0.05)
    }
}
