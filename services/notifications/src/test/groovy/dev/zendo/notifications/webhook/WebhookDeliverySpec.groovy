package dev.zendo.notifications.webhook

import ch.qos.logback.classic.Logger
import ch.qos.logback.classic.spi.ILoggingEvent
import ch.qos.logback.core.read.ListAppender
import dev.zendo.events.v1.Actor
import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.Audience
import dev.zendo.events.v1.ConversationClosed
import dev.zendo.events.v1.VisitorUpdated
import org.slf4j.LoggerFactory
import spock.lang.Shared
import spock.lang.Specification

import static dev.zendo.notifications.webhook.WebhooksApi.within
import static dev.zendo.testsupport.ServiceApi.expect

/**
 * Deliveries to a real HTTP receiver on loopback: signed as documented, retried with backoff until taken, kept in
 * order per conversation while the receiver is down and after it comes back, logged attempt by attempt, redelivered
 * on request, and never showing the secret in a log line.
 */
class WebhookDeliverySpec extends Specification {

    @Shared
    WebhooksApi api = WebhooksApi.get()

    WebhookReceiver receiver = WebhookReceiver.start()

    def cleanup() {
        receiver.close()
    }

    def 'a delivery carries the documented headers and body, and its signature verifies with the secret'() {
        given:
        def site = api.site()
        def hook = api.webhook(site, receiver.url('/zendo'), ['message.created'])
        def conversation = UUID.randomUUID()
        def event = api.message(site, conversation, 1, 'Where is my order? <b>"now"</b> ✓')

        when:
        api.publish(site, [event])

        then:
        within(30).eventually { assert receiver.received.size() == 1 }
        def request = receiver.received[0]
        request.method == 'POST'
        request.path == '/zendo'
        request.header('Content-Type').startsWith('application/json')
        request.header('User-Agent') == 'Zendo-Webhooks/1'
        request.header('Zendo-Event-Id') == event.eventId
        request.header('Zendo-Event-Type') == 'message.created'
        request.header('Zendo-Signature') ==~ /t=\d+,v1=[0-9a-f]{64}/
        request.signedWith(hook.secret as String)
        !request.signedWith('whsec_' + '0' * 64)

        and:
        request.json.keySet() == ['id', 'type', 'created_at', 'website_id', 'data'] as Set
        request.json.id == event.eventId
        request.json.type == 'message.created'
        request.json.website_id == site.id.toString()
        request.json.data.conversation_id == conversation.toString()
        request.json.data.seq == 1
        request.json.data.kind == 'text'
        request.json.data.body == 'Where is my order? <b>"now"</b> ✓'
        request.json.data.author == [kind: 'visitor', id: event.messageCreated.author.id, name: 'Jolly Camel 13']

        and: 'the log has the delivery with its one attempt'
        within(10).eventually {
            def log = api.deliveries(site, hook)
            assert log.size() == 1
            assert log[0].id == request.header('Zendo-Delivery-Id')
            assert log[0].event_id == event.eventId
            assert log[0].status == 'delivered'
            assert log[0].attempts.size() == 1
            assert log[0].attempts[0].status_code == 200
            assert log[0].attempts[0].response_excerpt == 'answered 200'
            assert !log[0].attempts[0].manual
        }
    }

    def 'a receiver that answers 500 three times gets the event on the fourth attempt'() {
        given:
        def site = api.site()
        def hook = api.webhook(site, receiver.url())
        receiver.statuses.addAll([500, 500, 500])
        def event = api.message(site, UUID.randomUUID(), 1)

        when:
        api.publish(site, [event])

        then:
        within(30).eventually {
            assert receiver.received*.status == [500, 500, 500, 200]
        }
        receiver.received*.json*.id.unique() == [event.eventId]
        receiver.received*.header('Zendo-Delivery-Id').unique().size() == 1

        and:
        within(10).eventually {
            def delivery = api.deliveries(site, hook)[0]
            assert delivery.status == 'delivered'
            assert delivery.attempts*.status_code == [500, 500, 500, 200]
            assert delivery.attempts*.response_excerpt == ['answered 500'] * 3 + ['answered 200']
            assert delivery.attempts.every { it.latency_ms >= 0 && !it.manual }
        }
    }

    def 'a receiver that is down for a while gets everything when it comes back, in order per conversation'() {
        given:
        def site = api.site()
        def hook = api.webhook(site, receiver.url())
        def conversations = (1..3).collect { UUID.randomUUID() }
        receiver.stop()

        when: 'four messages of each of three conversations, interleaved, while the receiver is down'
        def events = (1..4).collectMany { seq -> conversations.collect { api.message(site, it, seq) } }
        api.publish(site, events)

        then: 'only the first event of each conversation is tried, again and again'
        within(30).eventually {
            def log = api.deliveries(site, hook)
            assert log.size() == 12
            def tried = log.findAll { it.attempts }
            assert tried.size() == 3
            assert tried.every { it.attempts.size() >= 2 && it.attempts.every { a -> a.status_code == null && a.error } }
        }
        api.deliveries(site, hook).findAll { it.attempts }*.event_id.toSet() == events.take(3)*.eventId.toSet()

        when:
        receiver.restart()

        then:
        within(30).eventually {
            assert receiver.received*.json*.id.toSet() == events*.eventId.toSet()
        }
        conversations.every { conversation ->
            receiver.events().findAll { it.data.conversation_id == conversation.toString() }*.data*.seq.unique() == [1, 2, 3, 4]
        }
        within(10).eventually {
            assert api.deliveries(site, hook)*.status.unique() == ['delivered']
        }
    }

    def 'a subscription gets only the types it chose, and an inactive one gets nothing'() {
        given:
        def site = api.site()
        def closedOnly = api.webhook(site, receiver.url('/closed'), ['conversation.closed', 'visitor.updated'])
        def paused = api.webhook(site, receiver.url('/paused'))
        expect(200, api.call('PATCH', "/v1/websites/$site.id/webhooks/$paused.id", site.owner.token, [active: false]))
        def conversation = UUID.randomUUID()
        def closed = WebhooksApi.envelope(site, Audience.AUDIENCE_CONVERSATION) {
            it.setConversationId(conversation.toString()).setConversationClosed(ConversationClosed.newBuilder()
                    .setConversationId(conversation.toString()).setThreadId('t-1').setResolved(true).setReason('answered')
                    .setClosedBy(Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_AGENT).setId('agent-1')))
        }
        def visitor = WebhooksApi.envelope(site, Audience.AUDIENCE_AGENTS) {
            it.setVisitorId('v-1').setVisitorUpdated(VisitorUpdated.newBuilder().setVisitorId('v-1').setLabel('Brave Otter 42')
                    .setEmail('ada@example.com').setAttributesJson('{"plan":"pro","seats":3,"trial":false}'))
        }

        when:
        api.publish(site, [api.message(site, conversation, 1), closed, visitor])

        then:
        within(30).eventually {
            assert receiver.received*.json*.type.sort() == ['conversation.closed', 'visitor.updated']
        }
        receiver.received*.path.unique() == ['/closed']
        receiver.events().find { it.type == 'conversation.closed' }.data == [conversation_id: conversation.toString(), thread_id: 't-1',
                                                                              closed_by: [kind: 'agent', id: 'agent-1'], resolved: true, reason: 'answered']
        receiver.events().find { it.type == 'visitor.updated' }.data == [visitor_id: 'v-1', label: 'Brave Otter 42', name: null,
                                                                          email: 'ada@example.com', phone: null, external_id: null,
                                                                          attributes: [plan: 'pro', seats: 3, trial: false]]
        api.deliveries(site, paused) == []
        api.deliveries(site, closedOnly).size() == 2
    }

    def 'redeliver sends the same event again at once and logs a manual attempt'() {
        given:
        def site = api.site()
        def hook = api.webhook(site, receiver.url())
        def event = api.message(site, UUID.randomUUID(), 1)
        api.publish(site, [event])
        within(30).eventually { assert receiver.received.size() == 1 }
        def delivery = null
        within(10).eventually {
            delivery = api.deliveries(site, hook)[0]
            assert delivery?.status == 'delivered'
        }

        when:
        receiver.statuses << 503
        def reply = api.call('POST', "/v1/websites/$site.id/webhooks/$hook.id/deliveries/$delivery.id/redeliver", site.owner.token)

        then:
        reply.status == 200
        reply.body.status == 'delivered'
        reply.body.attempts*.status_code == [200, 503]
        reply.body.attempts*.manual == [false, true]
        receiver.received.size() == 2
        receiver.received*.json*.id == [event.eventId, event.eventId]
        receiver.received[1].signedWith(hook.secret as String)

        when:
        def again = expect(200, api.call('POST', "/v1/websites/$site.id/webhooks/$hook.id/deliveries/$delivery.id/redeliver", site.owner.token))

        then:
        again.attempts*.status_code == [200, 503, 200]
        again.status == 'delivered'
    }

    def 'the delivery log pages newest first with a cursor'() {
        given:
        def site = api.site()
        def hook = api.webhook(site, receiver.url())
        def conversation = UUID.randomUUID()
        def events = (1..5).collect { api.message(site, conversation, it) }
        api.publish(site, events)
        within(30).eventually { assert api.deliveries(site, hook).size() == 5 }
        def all = api.deliveries(site, hook)

        when:
        def first = expect(200, api.call('GET', "/v1/websites/$site.id/webhooks/$hook.id/deliveries?limit=2", site.owner.token))
        def second = expect(200, api.call('GET', "/v1/websites/$site.id/webhooks/$hook.id/deliveries?limit=2&cursor=$first.next_cursor", site.owner.token))
        def last = expect(200, api.call('GET', "/v1/websites/$site.id/webhooks/$hook.id/deliveries?limit=2&cursor=$second.next_cursor", site.owner.token))

        then:
        (first.deliveries + second.deliveries + last.deliveries)*.id == all*.id
        all*.event_id == events.reverse()*.eventId
        last.next_cursor == null
        api.call('GET', "/v1/websites/$site.id/webhooks/$hook.id/deliveries?cursor=abc", site.owner.token).status == 400
    }

    def 'the signing secret never appears in a log line'() {
        given:
        def appender = new ListAppender<ILoggingEvent>()
        appender.start()
        def root = LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) as Logger
        root.addAppender(appender)
        def site = api.site()
        receiver.statuses << 500

        when:
        def hook = api.webhook(site, receiver.url())
        api.publish(site, [api.message(site, UUID.randomUUID(), 1)])
        within(30).eventually { assert receiver.received*.status == [500, 200] }
        api.call('GET', "/v1/websites/$site.id/webhooks", site.owner.token)
        def rotated = expect(200, api.call('POST', "/v1/websites/$site.id/webhooks/$hook.id/rotate-secret", site.owner.token))
        api.call('GET', "/v1/websites/$site.id/webhooks/$hook.id/deliveries", site.owner.token)

        then:
        def lines = appender.list.collect { it.formattedMessage + (it.throwableProxy?.message ?: '') }
        lines.every { !it.contains(hook.secret as String) && !it.contains(rotated.secret as String) && !it.contains('whsec_') }

        cleanup:
        root.detachAppender(appender)
    }
}
