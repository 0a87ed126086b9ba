package dev.zendo.realtimeedge

import dev.zendo.events.v1.Actor
import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.Audience
import dev.zendo.events.v1.Envelope
import dev.zendo.events.v1.TypingChanged
import dev.zendo.realtimeedge.support.EdgeSpec
import dev.zendo.testsupport.TestInfra
import io.micrometer.core.instrument.MeterRegistry
import org.apache.kafka.clients.admin.Admin
import org.apache.kafka.clients.admin.AdminClientConfig
import org.apache.kafka.clients.admin.RecordsToDelete
import org.apache.kafka.common.TopicPartition

import java.nio.charset.StandardCharsets

/** Clients resume from any cursor they were given without missing an event, or are told to resync. */
class ResumeSpec extends EdgeSpec {

    Map<String, Object> settings() {
        ['zendo.realtime.ws.write-buffer-low': '16384', 'zendo.realtime.ws.write-buffer-high': '32768']
    }

    def 'a returning visitor resumes from an event cursor: the rest replayed in order, then live events, typing not replayed'() {
        given:
        UUID websiteId = website()
        UUID visitorId = UUID.randomUUID(), conversationId = UUID.randomUUID()
        String token = visitorToken(visitorId, websiteId)
        def first = subscribed(token, websiteId)
        (1..4).each { publish(message(websiteId, conversationId, visitorId, it)) }
        conditions.eventually {
            assert first.messages()*.seq == [1, 2, 3, 4]
        }
        String cursor = first.messages()[1].cursor
        first.socket.abort()

        when: 'more happens while the visitor is away, typing included'
        (5..7).each { publish(message(websiteId, conversationId, visitorId, it)) }
        publish(typing(websiteId, conversationId, visitorId))
        def again = subscribed(token, websiteId, cursor)
        publish(message(websiteId, conversationId, visitorId, 8))

        then: 'it gets what followed the cursor, once each, in seq order, then the live event, and no replayed typing'
        conditions.eventually {
            assert again.messages()*.seq == [3, 4, 5, 6, 7, 8]
        }
        again.ofType('typing:start').isEmpty()
        again.ofType('resync').isEmpty()
    }

    def 'live subscribers get nothing twice when another subscriber rewinds the shared consumer'() {
        given:
        UUID websiteId = website()
        UUID visitorId = UUID.randomUUID(), conversationId = UUID.randomUUID()
        def live = subscribed(ticket('owner-live', [(websiteId): 'owner']), websiteId)
        String start = live.ofType('subscribed')[0].cursor
        (1..3).each { publish(message(websiteId, conversationId, visitorId, it)) }
        conditions.eventually {
            assert live.messages()*.seq == [1, 2, 3]
        }

        when:
        def returning = subscribed(ticket('owner-back', [(websiteId): 'owner']), websiteId, start)
        publish(message(websiteId, conversationId, visitorId, 4))

        then:
        conditions.eventually {
            assert returning.messages()*.seq == [1, 2, 3, 4]
            assert live.messages()*.seq == [1, 2, 3, 4]
        }
    }

    def 'a dozen clients resuming at once from different cursors while events keep coming get every event once, in order, with no resync'() {
        given:
        int clients = 12
        UUID websiteId = website()
        UUID visitorId = UUID.randomUUID(), conversationId = UUID.randomUUID()
        def first = (1..clients).collect { subscribed(ticket("owner-r$it", [(websiteId): 'owner']), websiteId) }
        (1..6).each { publish(message(websiteId, conversationId, visitorId, it)) }
        conditions.eventually {
            assert first.every { it.messages()*.seq == (1..6) }
        }
        List<String> cursors = first.withIndex().collect { client, i -> client.messages()[i % 6].cursor }
        first*.socket*.abort()
        (7..9).each { publish(message(websiteId, conversationId, visitorId, it)) }

        when: 'every client sends its subscribe before any is answered'
        def again = (1..clients).collect { authenticated(ticket("owner-r$it", [(websiteId): 'owner'])) }
        again.eachWithIndex { client, i -> client.send([type: 'subscribe', website_id: websiteId.toString(), cursor: cursors[i]]) }
        publish(message(websiteId, conversationId, visitorId, 10))

        then:
        conditions.eventually {
            again.eachWithIndex { client, i ->
                assert client.messages()*.seq == ((i % 6) + 2..10).toList()
            }
        }
        again.every { it.ofType('resync').isEmpty() }
    }

    def 'a live typing signal reaches the subscriber'() {
        given:
        UUID websiteId = website()
        UUID visitorId = UUID.randomUUID(), conversationId = UUID.randomUUID()
        def client = subscribed(ticket('owner-t', [(websiteId): 'owner']), websiteId)

        when:
        publish(typing(websiteId, conversationId, visitorId))

        then:
        conditions.eventually {
            assert client.ofType('typing:start')*.conversation_id == [conversationId.toString()]
        }
    }

    def 'a cursor that does not fit the topic or is past retention is answered resync, then live events: #kind'() {
        given:
        UUID websiteId = website()
        UUID visitorId = UUID.randomUUID(), conversationId = UUID.randomUUID()
        def first = subscribed(ticket('owner-r', [(websiteId): 'owner']), websiteId)
        (1..3).each { publish(message(websiteId, conversationId, visitorId, it)) }
        conditions.eventually {
            assert first.messages().size() == 3
        }
        truncate(websiteId, retention)

        when:
        def client = subscribed(ticket('owner-s', [(websiteId): 'owner']), websiteId, cursor)
        publish(message(websiteId, conversationId, visitorId, 4))

        then:
        conditions.eventually {
            assert client.ofType('resync').size() == 1
            assert client.messages()*.seq == [4]
        }
        client.ofType('resync')[0].website_id == websiteId.toString()
        client.ofType('resync')[0].cursor == client.ofType('subscribed')[0].cursor

        where:
        kind                    | cursor                       | retention
        'not base64'            | '%%%'                        | false
        'another version'       | encode('v2:0=0,1=0,2=0')     | false
        'too few partitions'    | encode('v1:0=0')             | false
        'too many partitions'   | encode('v1:0=0,1=0,2=0,3=0') | false
        'beyond the end'        | encode('v1:0=99,1=99,2=99')  | false
        'past retention'        | encode('v1:0=0,1=0,2=0')     | true
    }

    def 'a client that does not read is closed with 4408 and resumes from its cursor without a gap'() {
        given:
        UUID websiteId = website()
        UUID visitorId = UUID.randomUUID(), conversationId = UUID.randomUUID()
        def slow = authenticated(ticket('owner-slow', [(websiteId): 'owner']), ORIGIN, 2)
        slow.send([type: 'subscribe', website_id: websiteId.toString()])
        conditions.eventually {
            assert slow.ofType('subscribed').size() == 1
        }
        String cursor = slow.ofType('subscribed')[0].cursor
        int count = 400

        when:
        (1..count).each { publish(big(websiteId, conversationId, visitorId, it)) }

        then: 'the edge gives up on it'
        conditions.eventually {
            double dropped = context.getBean(MeterRegistry).counter('zendo.realtime.slow.consumers').count()
            assert dropped == 1
        }

        when: 'it reads again and comes back with its cursor'
        slow.socket.request(Long.MAX_VALUE)
        def resumed = subscribed(ticket('owner-slow', [(websiteId): 'owner']), websiteId, cursor)

        then: 'the close frame followed what was already queued, and the resumed socket has every event once, in order'
        conditions.eventually {
            assert slow.closeCode() == 4408
            assert resumed.messages()*.seq == (1..count).toList()
        }
    }

    def 'a client resuming through a backlog while live events keep coming is paced, not closed as too slow'() {
        given: 'a backlog of several high-water marks behind the cursor'
        UUID websiteId = website()
        UUID visitorId = UUID.randomUUID(), conversationId = UUID.randomUUID()
        def first = subscribed(ticket('owner-back', [(websiteId): 'owner']), websiteId)
        String cursor = first.ofType('subscribed')[0].cursor
        first.socket.abort()
        int backlog = 200, live = 100
        (1..backlog).each { publish(message(websiteId, conversationId, visitorId, it)) }
        double droppedBefore = context.getBean(MeterRegistry).counter('zendo.realtime.slow.consumers').count()

        when: 'it resumes but reads nothing until live events have come in behind its replay'
        def resumed = authenticated(ticket('owner-back', [(websiteId): 'owner']), ORIGIN, 2)
        resumed.send([type: 'subscribe', website_id: websiteId.toString(), cursor: cursor])
        conditions.eventually {
            assert resumed.ofType('subscribed').size() == 1
        }
        (backlog + 1..backlog + live).each { publish(message(websiteId, conversationId, visitorId, it)) }
        resumed.socket.request(Long.MAX_VALUE)

        then: 'the replay and the live events behind it reach it once each, in order, and it is never closed'
        conditions.eventually {
            assert resumed.messages()*.seq == (1..backlog + live).toList()
        }
        resumed.closeCode() == null
        context.getBean(MeterRegistry).counter('zendo.realtime.slow.consumers').count() == droppedBefore
    }

    private static String encode(String text) {
        Base64.urlEncoder.withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII))
    }

    private static Envelope typing(UUID websiteId, UUID conversationId, UUID visitorId) {
        Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setType('typing.changed')
                .setWebsiteId(websiteId.toString()).setConversationId(conversationId.toString()).setVisitorId(visitorId.toString())
                .setAudience(Audience.AUDIENCE_CONVERSATION).setEphemeral(true).setOccurredAt(now())
                .setTypingChanged(TypingChanged.newBuilder().setConversationId(conversationId.toString()).setTyping(true)
                        .setParticipant(Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_VISITOR).setId(visitorId.toString()))).build()
    }

    private static Envelope big(UUID websiteId, UUID conversationId, UUID visitorId, long seq) {
        Envelope event = message(websiteId, conversationId, visitorId, seq)
        event.toBuilder().setMessageCreated(event.messageCreated.toBuilder().setBody('x' * 20_000)).build()
    }

    private static void truncate(UUID websiteId, boolean truncate) {
        if (!truncate) {
            return
        }
        Admin.create([(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG): TestInfra.infrastructure().kafkaBootstrapServers()] as Map<String, Object>).withCloseable { admin ->
            String topic = "zendo.site.${websiteId}"
            def ends = (0..2).collectEntries { [(new TopicPartition(topic, it)): RecordsToDelete.beforeOffset(-1)] }
            admin.deleteRecords(ends).all().get()
        }
    }
}
