package dev.zendo.conversations.widget

import dev.zendo.conversations.ConversationsApi
import dev.zendo.conversations.conversation.ModelSpecification
import dev.zendo.conversations.message.Author
import dev.zendo.conversations.message.AuthorKind
import dev.zendo.conversations.message.MessageKind
import dev.zendo.conversations.message.MessageService
import dev.zendo.conversations.message.PostMessage
import dev.zendo.conversations.thread.ThreadService
import dev.zendo.events.v1.Actor
import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.Envelope
import spock.lang.Shared
import spock.lang.Specification

/** A visitor writes, reads, marks read, rates, leaves offline messages and tells about itself through its widget. */
class WidgetMessagesSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    def 'the same client_msg_id twice is stored once: 201, then 200 with the same message'() {
        given:
        def site = api.site()
        def token = ConversationsApi.expect(201, api.widgetSession(site)).visitor_token as String

        when:
        def first = api.widget('POST', '/v1/widget/messages', token, [client_msg_id: 'c-1', body: 'Hi there'])
        def again = api.widget('POST', '/v1/widget/messages', token, [client_msg_id: 'c-1', body: 'Hi there'])
        def changed = api.widget('POST', '/v1/widget/messages', token, [client_msg_id: 'c-1', body: 'Something else'])

        then:
        first.status == 201
        again.status == 200
        again.body == first.body
        changed.status == 409
        changed.body.error == 'client_msg_id_conflict'
        api.sql("SELECT count(*) AS n FROM messages WHERE client_msg_id = 'c-1' AND conversation_id = ?::uuid", [first.body.conversation_id])[0].n == 1
    }

    def 'a new visitor\'s messages sent at once open one conversation with one thread, numbered without gaps'() {
        given:
        def site = api.site()
        def token = ConversationsApi.expect(201, api.widgetSession(site)).visitor_token as String

        when:
        def answers = ModelSpecification.concurrently(8) { int i ->
            api.widget('POST', '/v1/widget/messages', token, [client_msg_id: "burst-$i".toString(), body: "Message $i".toString()])
        }

        then:
        answers*.status == [201] * 8
        answers*.body*.conversation_id.unique().size() == 1
        def conversationId = answers[0].body.conversation_id as String
        answers*.body*.seq.sort() == (1..8).toList()
        api.sql('SELECT count(*) AS n FROM threads WHERE conversation_id = ?::uuid', [conversationId])[0].n == 1
        api.sql('SELECT last_seq FROM conversations WHERE id = ?::uuid', [conversationId])[0].last_seq == 8
    }

    def 'history, unread counts and the session never show agents\' notes'() {
        given:
        def site = api.site()
        def session = ConversationsApi.expect(201, api.widgetSession(site, [first_message: [client_msg_id: 'c-1', body: 'Hello']]))
        def conversationId = UUID.fromString(session.conversation.id)
        def messages = api.context.getBean(MessageService)
        messages.post(new PostMessage(site.id, conversationId, new Author(AuthorKind.AGENT, site.owner.id, site.owner.name), MessageKind.NOTE, null, 'VIP, be nice'))
        def token = session.visitor_token as String

        when:
        def page = ConversationsApi.expect(200, api.widget('GET', '/v1/widget/messages', token))
        def resumed = ConversationsApi.expect(201, api.widgetSession(site, [visitor_token: token]))

        then:
        page.messages*.body == ['Hello']
        resumed.conversation.messages*.body == ['Hello']
        resumed.conversation.unread_count == 0
        resumed.conversation.last_seq == 2
    }

    def 'history pages by seq, before and after'() {
        given:
        def site = api.site()
        def token = ConversationsApi.expect(201, api.widgetSession(site)).visitor_token as String
        (1..5).each { ConversationsApi.expect(201, api.widget('POST', '/v1/widget/messages', token, [client_msg_id: "c-$it", body: "m$it"])) }

        expect:
        ConversationsApi.expect(200, api.widget('GET', '/v1/widget/messages?limit=2', token)).messages*.body == ['m4', 'm5']
        ConversationsApi.expect(200, api.widget('GET', '/v1/widget/messages?before=3', token)).messages*.body == ['m1', 'm2']
        ConversationsApi.expect(200, api.widget('GET', '/v1/widget/messages?after=3', token)).messages*.body == ['m4', 'm5']
    }

    def 'a visitor without a conversation reads an empty history'() {
        given:
        def token = ConversationsApi.expect(201, api.widgetSession(api.site())).visitor_token as String

        expect:
        ConversationsApi.expect(200, api.widget('GET', '/v1/widget/messages', token)).messages == []
    }

    def 'marking read moves the visitor\'s cursor and its unread count'() {
        given:
        def site = api.site()
        def session = ConversationsApi.expect(201, api.widgetSession(site, [first_message: [client_msg_id: 'c-1', body: 'Hello']]))
        def conversationId = UUID.fromString(session.conversation.id)
        api.context.getBean(MessageService).system(site.id, conversationId, 'Ana joined', Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_SYSTEM).build())
        def token = session.visitor_token as String

        expect:
        ConversationsApi.expect(201, api.widgetSession(site, [visitor_token: token])).conversation.unread_count == 1
        ConversationsApi.expect(200, api.widget('POST', '/v1/widget/read', token, [seq: 2])) == [seq: 2, unread_count: 0]
        ConversationsApi.expect(200, api.widget('POST', '/v1/widget/read', token, [seq: 1])) == [seq: 2, unread_count: 0]
        api.widget('POST', '/v1/widget/read', token, [seq: 3]).status == 400
    }

    def 'a visitor rates its ended thread once'() {
        given:
        def site = api.site()
        def session = ConversationsApi.expect(201, api.widgetSession(site, [first_message: [client_msg_id: 'c-1', body: 'Hello']]))
        def token = session.visitor_token as String
        def agent = Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_AGENT).setId(site.owner.id).build()

        when:
        def open = api.widget('POST', '/v1/widget/rating', token, [thread_id: session.conversation.thread_id, rating: 5])

        then:
        open.status == 409
        open.body.error == 'thread_open'

        when:
        api.context.getBean(ThreadService).close(UUID.fromString(session.conversation.id), agent, true, null)
        def rated = api.widget('POST', '/v1/widget/rating', token, [thread_id: session.conversation.thread_id, rating: 5, comment: 'Quick!'])
        def otherRating = api.widget('POST', '/v1/widget/rating', token, [thread_id: session.conversation.thread_id, rating: 1])

        then:
        rated.status == 200
        rated.body.thread_id == session.conversation.thread_id
        rated.body.rating == 5
        rated.body.comment == 'Quick!'
        otherRating.status == 409
        api.sql('SELECT rating, rating_comment FROM threads WHERE id = ?::uuid', [session.conversation.thread_id]) == [[rating: 5, rating_comment: 'Quick!']]
    }

    def 'an offline message stores the email as a claim and waits in the queue'() {
        given:
        def site = api.site()
        def token = ConversationsApi.expect(201, api.widgetSession(site)).visitor_token as String

        when:
        def reply = api.widget('POST', '/v1/widget/offline-messages', token, [name: 'Cy', email: 'cy@example.com', body: 'Call me back', client_msg_id: 'o-1'])
        def again = api.widget('POST', '/v1/widget/offline-messages', token, [name: 'Cy', email: 'cy@example.com', body: 'Call me back', client_msg_id: 'o-1'])

        then:
        reply.status == 201
        again.status == 200
        reply.body.author.name == 'Cy'
        def visitor = api.sql('SELECT name, email, claimed_email FROM visitors WHERE id = ?::uuid', [reply.body.author.id])[0]
        visitor == [name: 'Cy', email: null, claimed_email: 'cy@example.com']
        api.sql('SELECT status FROM threads WHERE id = ?::uuid', [reply.body.thread_id])[0].status == 'PENDING'
    }

    def 'an offline message\'s event says it was left offline, with the name and email left; a chat message\'s does not'() {
        given:
        def site = api.site()
        def token = ConversationsApi.expect(201, api.widgetSession(site)).visitor_token as String

        when:
        ConversationsApi.expect(201, api.widget('POST', '/v1/widget/offline-messages', token,
                [name: 'Cy', email: 'cy@example.com', body: 'Call me back', client_msg_id: 'o-1']))
        ConversationsApi.expect(201, api.widget('POST', '/v1/widget/messages', token, [client_msg_id: 'c-2', body: 'Still there?']))

        then:
        def created = api.sql('SELECT payload FROM outbox WHERE topic = ? ORDER BY id', ["zendo.site.$site.id".toString()])
                .collect { Envelope.parseFrom(it.payload as byte[]) }.findAll { it.type == 'message.created' }*.messageCreated
        created*.body == ['Call me back', 'Still there?']
        created[0].hasLeftOffline()
        created[0].leftOffline.name == 'Cy'
        created[0].leftOffline.email == 'cy@example.com'
        !created[1].hasLeftOffline()
    }

    def 'the visitor changes its details; agents alone hear of it'() {
        given:
        def site = api.site()
        def token = ConversationsApi.expect(201, api.widgetSession(site)).visitor_token as String

        when:
        def first = api.widget('PATCH', '/v1/widget/visitor', token, [name: 'Dee', email: 'dee@example.com', phone: '+1 555 0100',
                                                                       attributes: [plan: 'gold', seats: 12, trial: false]])
        def second = api.widget('PATCH', '/v1/widget/visitor', token, [attributes: [seats: 13, trial: null]])

        then:
        first.status == 200
        first.body.name == 'Dee'
        first.body.email == 'dee@example.com'
        !first.body.verified
        second.status == 200
        def row = api.sql('SELECT email, claimed_email, phone, attributes::text AS attributes FROM visitors WHERE id = ?::uuid', [first.body.id])[0]
        row.email == null
        row.claimed_email == 'dee@example.com'
        row.phone == '+1 555 0100'
        new groovy.json.JsonSlurperClassic().parseText(row.attributes) == [plan: 'gold', seats: 13]
        def updates = api.sql('SELECT payload FROM outbox WHERE topic = ? ORDER BY id', ["zendo.site.$site.id".toString()])
                .collect { Envelope.parseFrom(it.payload as byte[]) }.findAll { it.type == 'visitor.updated' }
        updates.size() == 2
        updates.every { it.audience.name() == 'AUDIENCE_AGENTS' }
        new groovy.json.JsonSlurperClassic().parseText(updates[1].visitorUpdated.attributesJson) == [plan: 'gold', seats: 13]
    }

    def 'the widget records page views'() {
        given:
        def site = api.site()
        def session = ConversationsApi.expect(201, api.widgetSession(site))

        when:
        def reply = api.widget('POST', '/v1/widget/page-views', session.visitor_token as String, [url: 'https://shop.example/cart', title: 'Cart'])

        then:
        reply.status == 201
        reply.body.url == 'https://shop.example/cart'
        api.sql('SELECT url FROM page_views WHERE visitor_id = ?::uuid ORDER BY id', [session.visitor.id])*.url ==
                ['https://shop.example/pricing', 'https://shop.example/cart']
    }
}
