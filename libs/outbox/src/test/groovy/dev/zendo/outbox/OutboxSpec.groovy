package dev.zendo.outbox

import dev.zendo.events.v1.Envelope
import io.micronaut.context.ApplicationContext
import io.micronaut.transaction.TransactionStatus
import io.micronaut.transaction.exceptions.IllegalTransactionStateException
import io.micronaut.data.exceptions.DataAccessException
import spock.lang.AutoCleanup
import spock.lang.Shared

import java.sql.Connection
import java.util.concurrent.CountDownLatch

/** Appending writes the event next to the caller's state change, in the caller's transaction, or not at all. */
class OutboxSpec extends OutboxSpecification {

    @Shared
    @AutoCleanup
    ApplicationContext context = start(database(), ['zendo.outbox.enabled': 'false'])

    @Shared
    Outbox outbox = context.getBean(Outbox)

    def 'an appended event is stored with the state change of the same transaction'() {
        given:
        def topic = uniqueTopic()
        def event = message('c1', 1)

        when:
        inTransaction(context) { TransactionStatus<Connection> status ->
            status.connection.createStatement().executeUpdate("INSERT INTO note (text) VALUES ('hello')")
            outbox.append(topic, 'c1', event)
        }

        then:
        query(context, "SELECT count(*) FROM note WHERE text = 'hello'") == 1
        query(context, "SELECT topic || ' ' || event_key FROM outbox WHERE event_id = '${event.eventId}'") == "$topic c1"
        Envelope.parseFrom(query(context, "SELECT payload FROM outbox WHERE event_id = '${event.eventId}'") as byte[]) == event
    }

    def 'a rolled-back transaction leaves neither the state change nor the event'() {
        given:
        def event = message('c1', 1)

        when:
        inTransaction(context) { TransactionStatus<Connection> status ->
            status.connection.createStatement().executeUpdate("INSERT INTO note (text) VALUES ('lost')")
            outbox.append(uniqueTopic(), 'c1', event)
            throw new IllegalStateException('changed my mind')
        }

        then:
        thrown(IllegalStateException)
        query(context, "SELECT count(*) FROM note WHERE text = 'lost'") == 0
        query(context, "SELECT count(*) FROM outbox WHERE event_id = '${event.eventId}'") == 0
    }

    def 'an event that cannot be written at commit rolls the whole transaction back and the caller learns why'() {
        given:
        def topic = uniqueTopic()
        def event = message('c1', 1)
        inTransaction(context) { outbox.append(topic, 'c1', event) }

        when:
        inTransaction(context) { TransactionStatus<Connection> status ->
            status.connection.createStatement().executeUpdate("INSERT INTO note (text) VALUES ('duplicate')")
            outbox.append(topic, 'c1', event)
        }

        then:
        def e = thrown(DataAccessException)
        e.message.contains('cannot write 1 event(s) to the outbox')
        query(context, "SELECT count(*) FROM note WHERE text = 'duplicate'") == 0
        query(context, "SELECT count(*) FROM outbox WHERE event_id = '${event.eventId}'") == 1
    }

    def 'the rows of a key are numbered in commit order, also when the first to append commits last'() {
        given:
        def topic = uniqueTopic()
        def first = message('c1', 1)
        def second = message('c1', 2)
        def appended = new CountDownLatch(1)
        def release = new CountDownLatch(1)

        when:
        def slow = Thread.start {
            inTransaction(context) {
                outbox.append(topic, 'c1', first)
                appended.countDown()
                release.await()
            }
        }
        appended.await()
        inTransaction(context) { outbox.append(topic, 'c1', second) }
        release.countDown()
        slow.join()

        then:
        eventIdsInOrder(topic) == [second.eventId, first.eventId]
    }

    def 'the events of one transaction are numbered in the order they were appended, whatever their keys'() {
        given:
        def topic = uniqueTopic()
        def events = messages(appended, keys)

        when:
        appendAll(context, topic, events)

        then:
        eventIdsInOrder(topic) == events.collect { (it[1] as Envelope).eventId }

        where:
        appended | keys
        1        | 1
        5        | 1
        40       | 7
    }

    def 'writers that append the same keys in opposite orders all commit, and no transaction has its rows of a key split by another'() {
        given:
        def topic = uniqueTopic()
        def transactions = (0..<16).collect { tx ->
            def keys = tx % 2 == 0 ? ['c0', 'c1', 'c2'] : ['c2', 'c1', 'c0']
            keys.collectMany { key -> (1..2).collect { [key, message(key, tx)] } }
        }
        def start = new CountDownLatch(1)

        when:
        def writers = transactions.collect { events ->
            Thread.start {
                start.await()
                appendAll(context, topic, events)
            }
        }
        start.countDown()
        writers*.join()

        then:
        def order = eventIdsInOrder(topic)
        order.size() == 96
        def transactionOf = [:]
        transactions.eachWithIndex { events, tx -> events.each { transactionOf[(it[1] as Envelope).eventId] = tx } }
        ['c0', 'c1', 'c2'].every { key ->
            def owners = order.findAll { id -> transactions.flatten().find { it instanceof Envelope && it.eventId == id }?.messageCreated?.conversationId == key }
                    .collect { transactionOf[it] }
            runs(owners) == owners.unique(false).size()
        }
    }

    def 'append outside a transaction is refused'() {
        given:
        def event = message('c1', 1)

        when:
        outbox.append(uniqueTopic(), 'c1', event)

        then:
        def e = thrown(IllegalTransactionStateException)
        e.message.contains("propagation 'mandatory'")
        query(context, "SELECT count(*) FROM outbox WHERE event_id = '${event.eventId}'") == 0
    }

    def 'an event that could never be published is refused at once: #problem'() {
        when:
        inTransaction(context) { outbox.append(topic, key, event) }

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains(reason)

        where:
        problem                         | topic         | key  | event                                                            || reason
        'a topic Kafka would not accept' | 'no spaces!'  | 'c1' | message('c1', 1)                                                 || 'is not a Kafka topic name'
        'no key'                        | uniqueTopic() | null | message('c1', 1)                                                 || 'needs a key'
        'no event id'                   | uniqueTopic() | 'c1' | message('c1', 1).toBuilder().clearEventId().build()              || 'Invalid UUID'
        'a type that is not its payload' | uniqueTopic() | 'c1' | message('c1', 1).toBuilder().setType('message.sent').build()     || "does not match its payload (message.created)"
        'no payload'                    | uniqueTopic() | 'c1' | Events.envelope().setType('message.created').build()            || 'carries no payload'
        'more bytes than Kafka accepts' | uniqueTopic() | 'c1' | Events.build(message('c1', 1).toBuilder().setMessageCreated(
                message('c1', 1).messageCreated.toBuilder().setBody('x' * Outbox.MAX_EVENT_BYTES)))         || 'more than the 1000000 Kafka accepts'
    }

    private static int runs(List owners) {
        (0..<owners.size()).count { it == 0 || owners[it] != owners[it - 1] } as int
    }

    private List<String> eventIdsInOrder(String topic) {
        inTransaction(context) { TransactionStatus<Connection> status ->
            def result = status.connection.createStatement().executeQuery("SELECT event_id FROM outbox WHERE topic = '$topic' ORDER BY id")
            def ids = []
            while (result.next()) {
                ids << result.getString(1)
            }
            ids
        } as List<String>
    }
}
