package dev.zendo.outbox

import dev.zendo.events.v1.Envelope
import io.micronaut.context.ApplicationContext
import io.micronaut.transaction.TransactionStatus
import io.micronaut.transaction.exceptions.IllegalTransactionStateException
import spock.lang.AutoCleanup
import spock.lang.Shared

import java.sql.Connection

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
}
