package dev.zendo.inbox

import dev.zendo.testsupport.TestInfra
import io.micronaut.context.ApplicationContext

import java.nio.charset.StandardCharsets
import java.util.regex.Pattern

/** Each event is handled once, in its key's order, in the transaction that marks it processed; bad records are parked. */
class InboxConsumerSpec extends InboxSpecification {

    ApplicationContext context
    ApplicationContext other

    def cleanup() {
        context?.close()
        other?.close()
    }

    def 'a service without event handlers starts and consumes nothing'() {
        when:
        context = ApplicationContext.run(database(), 'test')

        then:
        context.getBeansOfType(EventHandler).isEmpty()
        context.getBean(InboxConsumer) != null
        count(context, 'inbox_processed') == 0
    }

    def 'an event delivered twice is handled once'() {
        given:
        def topic = newTopic()
        def handler = new RecordingHandler(topic)
        def event = message('c1', 1)
        context = start(database(), handler)

        when:
        produce(topic, [['c1', event], ['c1', event]])

        then:
        within(20).eventually {
            assert counted(context, 'zendo.inbox.handled') == 1
            assert counted(context, 'zendo.inbox.duplicates') == 1
        }
        handler.calls.get() == 1
        rows(context, 'SELECT event_id::text FROM seen')*.getAt(0) == [event.eventId]
        rows(context, 'SELECT event_id::text, topic FROM inbox_processed') == [[event.eventId, topic]]
    }

    def 'a handler with a topic pattern gets the events of matching topics, also of topics created after it started'() {
        given:
        def prefix = TestInfra.uniqueName('zendo.inbox-pattern')
        def named = newTopic()
        def handler = new RecordingHandler(named, Pattern.compile(Pattern.quote(prefix) + '\\..+'))
        def early = newTopic(1, "${prefix}.early")
        context = start(database(), handler, ['zendo.inbox.topic-refresh': '200ms'])
        def first = message('c1', 1)
        def second = message('c2', 1)
        def third = message('c3', 1)
        def unrelated = message('c4', 1)

        when:
        produce(named, [['c1', first]])
        produce(early, [['c2', second]])
        produce(newTopic(1, "${prefix}-other"), [['c4', unrelated]])
        def later = newTopic(1, "${prefix}.later")
        produce(later, [['c3', third]])

        then:
        within(30).eventually {
            assert rows(context, 'SELECT event_id::text FROM seen')*.getAt(0) as Set == [first, second, third]*.eventId as Set
        }
        rows(context, 'SELECT topic FROM inbox_processed')*.getAt(0) as Set == [named, early, later] as Set
        handler.calls.get() == 3
    }

    def 'a handler failure rolls back its processed mark, and the retry handles it'() {
        given:
        def topic = newTopic()
        def handler = new RecordingHandler(topic)
        handler.failuresLeft.set(2)
        def event = message('c1', 1)
        context = start(database(), handler)

        when:
        produce(topic, [['c1', event]])

        then:
        within(20).eventually {
            assert counted(context, 'zendo.inbox.handled') == 1
        }
        handler.calls.get() == 3
        counted(context, 'zendo.inbox.failures') == 2
        counted(context, 'zendo.inbox.duplicates') == 0
        count(context, 'seen') == 1
        count(context, 'inbox_processed') == 1
        count(context, 'inbox_parked') == 0
    }

    def 'an unreachable database counts no attempt: the record waits and is handled, not parked'() {
        given:
        def topic = newTopic()
        def handler = new RecordingHandler(topic)
        handler.unreachableLeft.set(4)
        context = start(database(), handler, ['zendo.inbox.max-attempts': '2'])

        when:
        produce(topic, [['c1', message('c1', 1)]])

        then:
        within(30).eventually {
            assert counted(context, 'zendo.inbox.handled') == 1
        }
        handler.calls.get() == 5
        counted(context, 'zendo.inbox.failures') == 4
        counted(context, 'zendo.inbox.parked') == 0
        count(context, 'inbox_parked') == 0
        count(context, 'seen') == 1
    }

    def 'a poison record is parked and the records after it are still handled'() {
        given:
        def topic = newTopic(1)
        def handler = new RecordingHandler(topic)
        def refused = message('c1', 2, 'refused')
        def after = [message('c1', 3), message('c2', 4)]
        context = start(database(), handler, ['zendo.inbox.max-attempts': '3'])

        when:
        produce(topic, [['c1', message('c1', 1)], ['c1', 'not an envelope'.getBytes(StandardCharsets.UTF_8)], ['c1', refused]] + after.collect { [it.conversationId, it] })

        then:
        within(30).eventually {
            assert counted(context, 'zendo.inbox.handled') == 3
            assert counted(context, 'zendo.inbox.parked') == 2
        }
        handler.calls.get() == 6
        rows(context, 'SELECT seq FROM seen ORDER BY id').collect { it[0] as long } == [1L, 3L, 4L]
        def parked = rows(context, 'SELECT record_offset, record_key, event_id::text, attempts, error FROM inbox_parked ORDER BY record_offset')
        parked.collect { it[0..3] } == [[1L, 'c1', null, 1], [2L, 'c1', refused.eventId, 3]]
        parked[0][4].startsWith('the record is no Envelope')
        parked[1][4] == "java.lang.IllegalStateException: refused event ${refused.eventId}"
        count(context, 'inbox_processed') == 3
    }

    def 'events of one key are handled in order, by two instances sharing the partitions'() {
        given:
        def topic = newTopic()
        def database = database()
        def group = ['zendo.inbox.group': TestInfra.uniqueName('inbox-spec')]
        def events = (1..600).collect { message("c${it % 6}", it) }
        context = start(database, new RecordingHandler(topic), group)

        when:
        def producing = Thread.start { produce(topic, events.collect { [it.conversationId, it] }) }
        other = start(database, new RecordingHandler(topic), group)
        producing.join()

        then:
        within(60).eventually {
            assert counted(context, 'zendo.inbox.handled') + counted(other, 'zendo.inbox.handled') == 600
        }
        def seen = rows(context, 'SELECT key, seq FROM seen ORDER BY id')
        seen.size() == 600
        seen.groupBy { it[0] }.collectEntries { key, list -> [key, list.collect { it[1] as long }] } ==
                events.groupBy { it.conversationId }.collectEntries { key, list -> [key, list*.messageCreated*.seq] }
    }

    def 'a stopped consumer has committed the offsets of everything it handled'() {
        given:
        def topic = newTopic()
        def group = TestInfra.uniqueName('inbox-spec')
        context = start(database(), new RecordingHandler(topic), ['zendo.inbox.group': group])
        produce(topic, (1..30).collect { ['c' + (it % 3), message('c' + (it % 3), it)] })
        within(30).eventually {
            assert counted(context, 'zendo.inbox.handled') == 30
        }

        when:
        context.close()

        then:
        committedOffsets(group) == endOffsets(topic)
    }

    def 'offsets are committed once per commit interval, not after every poll'() {
        given: 'an interval longer than the spec'
        def topic = newTopic()
        def group = TestInfra.uniqueName('inbox-spec')
        context = start(database(), new RecordingHandler(topic), ['zendo.inbox.group': group, 'zendo.inbox.commit-interval': '1h'])

        when: 'records arrive one by one, over several polls'
        (1..12).each { produce(topic, [['c' + (it % 3), message('c' + (it % 3), it)]]) }

        then: 'all are handled and none of their offsets is committed yet'
        within(30).eventually {
            assert counted(context, 'zendo.inbox.handled') == 12
        }
        committedOffsets(group).isEmpty()

        when:
        context.close()

        then: 'shutdown commits them'
        committedOffsets(group) == endOffsets(topic)
    }

    def 'with a short commit interval the offsets follow the handled records while the consumer runs'() {
        given:
        def topic = newTopic()
        def group = TestInfra.uniqueName('inbox-spec')
        context = start(database(), new RecordingHandler(topic), ['zendo.inbox.group': group, 'zendo.inbox.commit-interval': '100ms'])

        when:
        (1..12).each { produce(topic, [['c' + (it % 3), message('c' + (it % 3), it)]]) }

        then:
        within(30).eventually {
            assert counted(context, 'zendo.inbox.handled') == 12
            assert committedOffsets(group) == endOffsets(topic)
        }
    }

    def 'an instance taking partitions over in a rebalance starts after what their first owner handled'() {
        given:
        def topic = newTopic()
        def group = TestInfra.uniqueName('inbox-spec')
        def database = database()
        context = start(database, new RecordingHandler(topic), ['zendo.inbox.group': group, 'zendo.inbox.commit-interval': '1h'])
        produce(topic, (1..30).collect { ['c' + (it % 3), message('c' + (it % 3), it)] })
        within(30).eventually {
            assert counted(context, 'zendo.inbox.handled') == 30
        }

        when: 'a second instance joins the group: the rebalance takes partitions from the first, which commits them'
        other = start(database, new RecordingHandler(topic), ['zendo.inbox.group': group, 'zendo.inbox.commit-interval': '1h'])
        within(60).eventually {
            assert membersWithPartitions(group) == 2
        }
        produce(topic, (31..60).collect { ['c' + (it % 3), message('c' + (it % 3), it)] })

        then: 'every record is handled once, and none is delivered twice: the first committed what it handled when it gave partitions up'
        within(60).eventually {
            assert counted(context, 'zendo.inbox.handled') + counted(other, 'zendo.inbox.handled') == 60
        }
        counted(other, 'zendo.inbox.handled') > 0
        counted(context, 'zendo.inbox.duplicates') + counted(other, 'zendo.inbox.duplicates') == 0
        count(context, 'seen') == 60
    }

    def 'replaying the topic from the beginning changes nothing'() {
        given:
        def topic = newTopic()
        def database = database()
        def events = (1..60).collect { message("c${it % 4}", it) }
        context = start(database, new RecordingHandler(topic))
        produce(topic, events.collect { [it.conversationId, it] })
        within(30).eventually {
            assert counted(context, 'zendo.inbox.handled') == 60
        }
        def before = rows(context, 'SELECT id, event_id::text, key, seq FROM seen ORDER BY id')
        context.close()

        when:
        def replayHandler = new RecordingHandler(topic)
        context = start(database, replayHandler)

        then:
        within(30).eventually {
            assert counted(context, 'zendo.inbox.duplicates') == 60
        }
        replayHandler.calls.get() == 0
        counted(context, 'zendo.inbox.handled') == 0
        rows(context, 'SELECT id, event_id::text, key, seq FROM seen ORDER BY id') == before
        count(context, 'inbox_processed') == 60
    }
}
