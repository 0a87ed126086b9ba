package dev.zendo.conversations.server

import dev.zendo.conversations.ConversationsApi
import dev.zendo.conversations.conversation.ConversationService
import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.Audience
import groovy.json.JsonSlurperClassic

import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

import static dev.zendo.conversations.ConversationsApi.expect

/**
 * A website's backend lists and reads its conversations (notes included), posts as a named bot or as one of its agents,
 * and closes threads; never anything of another website; every call audited with the key's id.
 */
class ServerConversationsSpec extends ServerApiSpecification {

    def "lists the website's conversations that had a thread, latest first, a page at a time, optionally of one status"() {
        given:
        def site = api.site()
        def first = chat(site, 'First')
        def second = chat(site, 'Second')
        def third = chat(site, 'Third')
        api.context.getBean(ConversationService).lockOrOpen(site.id, UUID.fromString(visitorWithoutMessages(site)))
        chat(api.site())
        expect(200, api.call('POST', "/v1/server/conversations/$first.conversationId/close", site.secretKey, [:]))

        when:
        def page = expect(200, api.call('GET', '/v1/server/conversations?limit=2', site.secretKey))
        def rest = expect(200, api.call('GET', "/v1/server/conversations?limit=2&cursor=$page.next_cursor", site.secretKey))

        then:
        page.conversations*.id == [third, second]*.conversationId*.toString()
        page.conversations*.last_message_preview == ['Third', 'Second']
        rest.conversations*.id == [first.conversationId.toString()]
        rest.next_cursor == null

        and:
        expect(200, api.call('GET', '/v1/server/conversations?status=closed', site.secretKey)).conversations*.id == [first.conversationId.toString()]
        expect(200, api.call('GET', '/v1/server/conversations?status=pending', site.secretKey)).conversations*.id ==
                [third, second]*.conversationId*.toString()
    }

    def 'reads a conversation with its threads, and its messages with notes'() {
        given:
        def site = api.site()
        def chat = chat(site, 'Where is my order?')
        expect(201, api.call('POST', "/v1/server/conversations/$chat.conversationId/messages", site.secretKey,
                [client_msg_id: 'n-1', body: 'VIP customer', kind: 'note', as: [bot_name: 'CRM']]))

        when:
        def detail = expect(200, api.call('GET', "/v1/server/conversations/$chat.conversationId", site.secretKey))
        def history = expect(200, api.call('GET', "/v1/server/conversations/$chat.conversationId/messages", site.secretKey))

        then:
        detail.conversation.id == chat.conversationId.toString()
        detail.conversation.status == 'pending'
        detail.threads*.status == ['pending']
        history.messages*.body == ['Where is my order?', 'VIP customer']
        history.messages*.kind == ['text', 'note']
        history.messages*.seq == [1, 2]
        !history.has_more

        and:
        expect(200, api.call('GET', "/v1/server/conversations/$chat.conversationId/messages?after=1", site.secretKey)).messages*.seq == [2]
    }

    def 'a named bot posts a message the visitor sees; a retry of its client_msg_id answers the same message with 200'() {
        given:
        def site = api.site()
        def chat = chat(site)
        def body = [client_msg_id: 'order-42', body: 'Your order has shipped.', as: [bot_name: 'Shop bot']]

        when:
        def created = api.call('POST', "/v1/server/conversations/$chat.conversationId/messages", site.secretKey, body)
        def retried = api.call('POST', "/v1/server/conversations/$chat.conversationId/messages", site.secretKey, body)

        then:
        created.status == 201
        created.body.author == [kind: 'bot', id: 'Shop bot', name: 'Shop bot']
        created.body.kind == 'text'
        created.body.seq == 2
        retried.status == 200
        retried.body == created.body
        api.sql('SELECT count(*) AS n FROM messages WHERE conversation_id = ?', [chat.conversationId])[0].n == 2

        and:
        def event = events(site).find { it.hasMessageCreated() && it.messageCreated.messageId == created.body.id }
        event.audience == Audience.AUDIENCE_CONVERSATION
        event.actor.kind == ActorKind.ACTOR_KIND_BOT
    }

    def '#senders concurrent retries of one client_msg_id store one message'() {
        given:
        def site = api.site()
        def chat = chat(site)
        def pool = Executors.newFixedThreadPool(senders)
        def start = new CountDownLatch(1)

        when:
        def replies = (1..senders).collect {
            pool.submit({
                start.await()
                api.call('POST', "/v1/server/conversations/$chat.conversationId/messages", site.secretKey,
                        [client_msg_id: 'same', body: 'Once', as: [bot_name: 'Bot']])
            } as Callable)
        }
        start.countDown()
        def answers = replies*.get()

        then:
        answers*.status.sort() == [200] * (senders - 1) + [201]
        answers*.body*.id.unique().size() == 1
        api.sql("SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND client_msg_id = 'same'", [chat.conversationId])[0].n == 1

        cleanup:
        pool.shutdownNow()

        where:
        senders = 8
    }

    def 'posting as an agent who is #who answers #status'() {
        given:
        def site = api.site()
        def chat = chat(site)
        def agent = who == 'not a member' ? api.agent() : api.member(site, role)
        if (who == 'disabled') {
            api.sql('UPDATE replica_agents SET disabled = TRUE WHERE agent_id = ?', [agent.id])
        }
        def before = api.state(site)

        when:
        def reply = api.call('POST', "/v1/server/conversations/$chat.conversationId/messages", site.secretKey,
                [client_msg_id: 'a-1', body: 'Hello from us', kind: kind, as: [agent_id: agent.id]])

        then:
        reply.status == status
        status != 201 || reply.body.author == [kind: 'agent', id: agent.id, name: agent.name]
        status == 201 || api.state(site) == before

        where:
        who            | role         | kind   || status
        'an owner'     | 'OWNER'      | 'text' || 201
        'an agent'     | 'AGENT'      | 'text' || 201
        'a supervisor' | 'SUPERVISOR' | 'note' || 201
        'a viewer'     | 'VIEWER'     | 'text' || 403
        'a viewer'     | 'VIEWER'     | 'note' || 403
        'not a member' | null         | 'text' || 404
        'disabled'     | 'AGENT'      | 'text' || 404
    }

    def 'a note reaches agents only'() {
        given:
        def site = api.site()
        def chat = chat(site)

        when:
        def note = expect(201, api.call('POST', "/v1/server/conversations/$chat.conversationId/messages", site.secretKey,
                [client_msg_id: 'note', body: 'Refund approved', kind: 'note', as: [bot_name: 'Billing']]))

        then:
        note.kind == 'note'
        def event = events(site).find { it.hasMessageCreated() && it.messageCreated.messageId == note.id }
        event.audience == Audience.AUDIENCE_AGENTS
    }

    def 'closes the current thread as the backend; closing it again is 409'() {
        given:
        def site = api.site()
        def chat = chat(site)

        when:
        def closed = api.call('POST', "/v1/server/conversations/$chat.conversationId/close", site.secretKey,
                [reason: 'Order delivered', resolved: true])
        def again = api.call('POST', "/v1/server/conversations/$chat.conversationId/close", site.secretKey)

        then:
        closed.status == 200
        closed.body.status == 'resolved'
        closed.body.closed_by_kind == 'bot'
        closed.body.close_reason == 'Order delivered'
        again.status == 409
        again.body.error == 'thread_closed'
        events(site).find { it.hasConversationClosed() }.conversationClosed.resolved
    }

    def '#method #path is audited as #action, naming the key by its id'() {
        given:
        def site = api.site()
        def chat = chat(site)
        def concrete = path.replace('{conversationId}', chat.conversationId.toString()).replace('{visitorId}', chat.visitorId.toString())

        when:
        def reply = api.call(method, concrete, site.secretKey, body)

        then:
        reply.status in [200, 201]
        def entries = audit(site)
        entries.size() == 1
        entries[0].actor_kind == 'SERVER_KEY'
        entries[0].actor_id == keyId(site)
        entries[0].action == action
        entries[0].target_type == target
        entries[0].target_id == (target == 'website' ? site.id : target == 'visitor' ? chat.visitorId : chat.conversationId).toString()
        !api.sql('SELECT detail::text AS d FROM audit_log WHERE website_id = ?', [site.id])[0].d.contains(site.secretKey)
        new JsonSlurperClassic().parseText(entries[0].detail as String) instanceof Map

        where:
        method  | path                                                 | body                                                          || action                         | target
        'GET'   | '/v1/server/conversations'                           | null                                                          || 'server.conversations.listed' | 'website'
        'GET'   | '/v1/server/conversations/{conversationId}'          | null                                                          || 'server.conversation.read'    | 'conversation'
        'GET'   | '/v1/server/conversations/{conversationId}/messages' | null                                                          || 'server.messages.read'        | 'conversation'
        'POST'  | '/v1/server/conversations/{conversationId}/messages' | [client_msg_id: 'a', body: 'Hi', as: [bot_name: 'Bot']]       || 'server.message.posted'       | 'conversation'
        'POST'  | '/v1/server/conversations/{conversationId}/close'    | [reason: 'Done']                                              || 'server.thread.closed'        | 'conversation'
        'PATCH' | '/v1/server/visitors/{visitorId}'                    | [name: 'Ada']                                                 || 'server.visitor.updated'      | 'visitor'
    }

    def "#method #path with another website's #what answers 404 and changes nothing"() {
        given:
        def site = api.site()
        def other = api.site()
        def theirs = chat(other)
        chat(site)
        def concrete = path.replace('{conversationId}', theirs.conversationId.toString()).replace('{visitorId}', theirs.visitorId.toString())
        def before = api.state(site, other)

        when:
        def reply = api.call(method, concrete, site.secretKey, body)

        then:
        reply.status == 404
        reply.body.error == 'not_found'
        api.state(site, other) == before

        where:
        method  | path                                                 | body                                                    || what
        'GET'   | '/v1/server/conversations/{conversationId}'          | null                                                    || 'conversation'
        'GET'   | '/v1/server/conversations/{conversationId}/messages' | null                                                    || 'conversation'
        'POST'  | '/v1/server/conversations/{conversationId}/messages' | [client_msg_id: 'a', body: 'Hi', as: [bot_name: 'Bot']] || 'conversation'
        'POST'  | '/v1/server/conversations/{conversationId}/close'    | [:]                                                     || 'conversation'
        'PATCH' | '/v1/server/visitors/{visitorId}'                    | [name: 'Ada']                                           || 'visitor'
    }

    def "posting as another website's agent answers 404"() {
        given:
        def site = api.site()
        def other = api.site()
        def chat = chat(site)

        expect:
        api.call('POST', "/v1/server/conversations/$chat.conversationId/messages", site.secretKey,
                [client_msg_id: 'x', body: 'Hi', as: [agent_id: other.owner.id]]).status == 404
    }

    private String visitorWithoutMessages(ConversationsApi.Site site) {
        UUID id = UUID.randomUUID()
        api.sql('INSERT INTO visitors (id, website_id, label, created_at, updated_at, last_seen_at) VALUES (?, ?, ?, now(), now(), now())',
                [id, site.id, 'Quiet Heron 7'])
        id.toString()
    }
}
