package dev.zendo.outbox

import dev.zendo.testsupport.TestInfra
import io.micrometer.core.instrument.MeterRegistry
import io.micronaut.context.ApplicationContext
import org.apache.kafka.clients.admin.Admin
import org.apache.kafka.clients.admin.AdminClientConfig
import org.apache.kafka.clients.admin.AlterConfigOp
import org.apache.kafka.clients.admin.ConfigEntry
import org.apache.kafka.clients.admin.NewTopic
import org.apache.kafka.common.config.ConfigResource
import org.apache.kafka.common.config.TopicConfig
import spock.lang.AutoCleanup
import spock.lang.Shared

import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

/** Committed outbox events reach Kafka in order per key, through failures, restarts and several relays, and nothing else does. */
class OutboxRelaySpec extends OutboxSpecification {

    @Shared
    @AutoCleanup
    ApplicationContext relay = start(database())

    @Shared
    @AutoCleanup
    Admin admin = Admin.create([(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG): TestInfra.infrastructure().kafkaBootstrapServers()] as Map<String, Object>)

    def 'an appended event reaches its topic once the transaction commits'() {
        given:
        def topic = uniqueTopic()
        def event = message('c1', 1)

        when:
        appendAll(relay, topic, [['c1', event]])

        then:
        within(10).eventually {
            def records = records(topic)
            assert records.size() == 1
            assert records[0].key() == 'c1'
            assert envelope(records[0]) == event
            assert header(records[0], 'event_id') == event.eventId
            assert header(records[0], 'event_type') == 'message.created'
        }
        within(5).eventually {
            assert unsent(relay) == 0
        }
    }

    def 'each published event records its lag, from its insert at commit to the Kafka acknowledgement, in a histogram with the goal as a bucket'() {
        given:
        def lag = meters(relay).get('zendo.outbox.lag').timer()
        def before = lag.count()

        when:
        appendAll(relay, uniqueTopic(), messages(3, 3))

        then:
        within(10).eventually {
            assert lag.count() >= before + 3
        }
        lag.totalTime(TimeUnit.NANOSECONDS) > 0
        lag.takeSnapshot().histogramCounts()*.bucket(TimeUnit.MILLISECONDS).contains(OutboxRelay.LAG_GOAL.toMillis() as double)
    }

    def 'a rolled-back transaction publishes nothing'() {
        given:
        def topic = uniqueTopic()
        def lost = message('c1', 1)
        def kept = message('c1', 2)

        when:
        inTransaction(relay) {
            relay.getBean(Outbox).append(topic, 'c1', lost)
            throw new IllegalStateException('changed my mind')
        }

        then:
        thrown(IllegalStateException)

        when:
        appendAll(relay, topic, [['c1', kept]])

        then:
        within(10).eventually {
            assert records(topic).collect { envelope(it).eventId } == [kept.eventId]
        }
    }

    def 'events are published in append order per key'() {
        given:
        def topic = uniqueTopic()
        def events = messages(120, 4)

        when:
        events.collate(7).each { appendAll(relay, topic, it) }

        then:
        within(15).eventually {
            assert records(topic).size() == 120
        }
        sequencesByKey(records(topic)) == sequencesByKeyOf(events)
    }

    def 'an event to a topic that does not exist yet is published after the topic is created'() {
        given:
        def topic = "zendo.site.${UUID.randomUUID()}".toString()
        def event = message('c1', 1)

        expect:
        !admin.listTopics().names().get().contains(topic)

        when:
        appendAll(relay, topic, [['c1', event]])

        then:
        within(10).eventually {
            assert records(topic).collect { envelope(it) } == [event]
        }
        admin.describeTopics([topic]).allTopicNames().get()[topic].partitions().size() == 3
    }

    def 'consumers see the events of a key in commit order, also when the first to append commits last'() {
        given:
        def topic = uniqueTopic()
        def first = message('c1', 1)
        def second = message('c1', 2)
        def outbox = relay.getBean(Outbox)
        def appended = new CountDownLatch(1)
        def release = new CountDownLatch(1)

        when:
        def slow = Thread.start {
            inTransaction(relay) {
                outbox.append(topic, 'c1', first)
                appended.countDown()
                release.await()
            }
        }
        appended.await()
        appendAll(relay, topic, [['c1', second]])
        release.countDown()
        slow.join()

        then:
        within(10).eventually {
            assert records(topic).collect { envelope(it).eventId } == [second.eventId, first.eventId]
        }
    }

    def 'a row larger than its topic accepts is parked with its error while other topics flow on, and its key waits behind it until retried'() {
        given:
        def context = start(database(), ['zendo.outbox.max-backoff': '200ms'])
        def refusing = uniqueTopic()
        def others = [uniqueTopic(), uniqueTopic()]
        admin.createTopics([new NewTopic(refusing, 1, (short) 1).configs([(TopicConfig.MAX_MESSAGE_BYTES_CONFIG): '10000'])]).all().get()
        def poison = Events.build(message('c1', 1).toBuilder().setMessageCreated(message('c1', 1).messageCreated.toBuilder().setBody('x' * 20_000)))
        def behind = message('c1', 2)
        def delivered = others.collect { message('c1', 1) }

        when:
        appendAll(context, refusing, [['c1', poison]])

        then:
        within(15).eventually {
            assert parked(context).size() == 1
            assert meters(context).get('zendo.outbox.parked.rows').gauge().value() == 1
        }
        def row = parked(context)[0]
        row.eventId().toString() == poison.eventId
        row.topic() == refusing
        row.key() == 'c1'
        row.attempts() == 1
        row.error().contains('RecordTooLargeException')
        meters(context).counter('zendo.outbox.parked').count() == 1

        when:
        appendAll(context, refusing, [['c1', behind]])
        others.eachWithIndex { topic, i -> appendAll(context, topic, [['c1', delivered[i]]]) }

        then:
        within(15).eventually {
            others.eachWithIndex { topic, i -> assert records(topic).collect { envelope(it) } == [delivered[i]] }
        }
        records(refusing).isEmpty()
        unsent(context) == 2

        when:
        admin.incrementalAlterConfigs([(new ConfigResource(ConfigResource.Type.TOPIC, refusing)): [new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, '1048588'), AlterConfigOp.OpType.SET)]]).all().get()
        def retried = context.getBean(OutboxEndpoint).retry([row.id()])

        then:
        retried.retried() == 1
        within(15).eventually {
            assert records(refusing).collect { envelope(it).eventId } == [poison.eventId, behind.eventId]
            assert unsent(context) == 0
        }
        parked(context).isEmpty()
        meters(context).get('zendo.outbox.parked.rows').gauge().value() == 0

        cleanup:
        context?.close()
    }

    def 'a row that keeps failing for a reason that may pass is retried with backoff and parked only at the last counted attempt'() {
        given: 'topics this broker cannot create (three replicas on one broker), next to one that exists'
        def maxAttempts = 3
        def context = start(database(), ['zendo.kafka.replication-factor': '3', 'zendo.outbox.max-attempts': maxAttempts as String,
                                         'zendo.outbox.max-backoff': '200ms'])
        def failing = uniqueTopic()
        def working = uniqueTopic()
        admin.createTopics([new NewTopic(working, 1, (short) 1)]).all().get()

        when:
        appendAll(context, failing, [['c1', message('c1', 1)]])

        then: 'while nothing of a batch gets through, the broker is suspected: the relay backs off and counts no attempt'
        within(15).eventually {
            assert meters(context).counter('zendo.outbox.failures').count() >= 3
        }
        query(context, 'SELECT attempts FROM outbox') == 0
        parked(context).isEmpty()

        when: 'other rows get through in the same batches'
        within(30).eventually {
            appendAll(context, working, [['c1', message('c1', 1)]])
            assert parked(context).size() == 1
        }

        then:
        parked(context)[0].attempts() == maxAttempts
        parked(context)[0].error().contains('cannot create Kafka topic')

        cleanup:
        context?.close()
    }

    def 'retrying without ids puts every parked row back in line, and the endpoint lists none afterwards'() {
        given:
        def context = start(database(), ['zendo.outbox.enabled': 'false'])
        def topic = uniqueTopic()
        appendAll(context, topic, [['c1', message('c1', 1)], ['c2', message('c2', 2)], ['c3', message('c3', 3)]])
        inTransaction(context) { it.connection.createStatement().executeUpdate("UPDATE outbox SET attempts = 3, parked_at = now(), last_error = 'x' WHERE event_key <> 'c3'") }
        def endpoint = context.getBean(OutboxEndpoint)

        expect:
        endpoint.parked()*.key() == ['c1', 'c2']

        when:
        def retried = endpoint.retry(null)

        then:
        retried.retried() == 2
        endpoint.parked().isEmpty()
        query(context, 'SELECT count(*) FROM outbox WHERE attempts = 0 AND retry_at IS NULL AND last_error IS NULL') == 3

        cleanup:
        context?.close()
    }

    def 'an event to a topic deleted after its first events is published once the relay has created the topic again'() {
        given:
        def topic = uniqueTopic()
        def before = message('c1', 1)
        def after = message('c1', 2)
        appendAll(relay, topic, [['c1', before]])
        within(10).eventually {
            assert records(topic).size() == 1
        }

        when:
        admin.deleteTopics([topic]).all().get()
        appendAll(relay, topic, [['c1', after]])

        then:
        within(90).eventually {
            assert records(topic).collect { envelope(it).eventId } == [after.eventId]
        }
    }

    def 'two relays share the work without losing or reordering an event (#conversations conversations)'() {
        given:
        def database = database()
        def first = start(database, ['zendo.outbox.batch-size': '5'])
        def second = start(database, ['zendo.outbox.batch-size': '5'])
        def topic = uniqueTopic()
        def events = messages(400, conversations)

        when:
        appendAll(first, topic, events)

        then:
        within(30).eventually {
            assert unsent(first) == 0
        }
        def records = records(topic)
        records.collect { envelope(it).eventId }.sort() == events.collect { it[1].eventId }.sort()
        sequencesByKey(records) == sequencesByKeyOf(events)
        published(first) + published(second) == 400

        cleanup:
        first?.close()
        second?.close()

        where:
        conversations << [40, 3]
    }

    def 'a relay stopped mid-batch and restarted loses nothing, and any duplicate carries the same event_id (#how)'() {
        given:
        def database = database()
        def writer = start(database, ['zendo.outbox.enabled': 'false'])
        def topic = uniqueTopic()
        def events = messages(2000, 25)
        events.collate(500).each { appendAll(writer, topic, it) }

        when:
        def first = start(database, ['zendo.outbox.batch-size': '20', 'zendo.outbox.drain-timeout': drainTimeout])
        within(10).eventually {
            assert published(first) > 0
        }
        first.close()
        def second = start(database)

        then:
        within(30).eventually {
            assert unsent(writer) == 0
        }

        when:
        def records = records(topic)
        def byEventId = records.groupBy { envelope(it).eventId }

        then:
        byEventId.keySet() == events.collect { it[1].eventId } as Set
        byEventId.values().every { copies -> copies.collect { [it.key(), it.value() as List, header(it, 'event_id'), header(it, 'event_type')] }.unique().size() == 1 }
        !exactlyOnce || records.size() == 2000

        cleanup:
        writer?.close()
        second?.close()

        where:
        how                                   | drainTimeout || exactlyOnce
        'the batch in flight is abandoned'    | '0s'         || false
        'the batch in flight finishes first'  | '10s'        || true
    }

    def 'sent rows are deleted once the retention has passed'() {
        given:
        def context = start(database(), ['zendo.outbox.retention': '1s'])
        def topic = uniqueTopic()

        when:
        appendAll(context, topic, [['c1', message('c1', 1)]])

        then:
        within(10).eventually {
            assert records(topic).size() == 1
            assert query(context, 'SELECT count(*) FROM outbox') == 0
        }

        cleanup:
        context?.close()
    }

    private static List<ParkedRow> parked(ApplicationContext context) {
        context.getBean(ParkedRows).list(100)
    }

    private static MeterRegistry meters(ApplicationContext context) {
        context.getBean(MeterRegistry)
    }
}
