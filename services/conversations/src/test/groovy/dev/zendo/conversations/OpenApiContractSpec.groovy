package dev.zendo.conversations

import dev.zendo.testsupport.ServiceApi
import dev.zendo.testsupport.badinput.OpenApiContract
import dev.zendo.testsupport.badinput.OpenApiDocument
import spock.lang.Shared
import spock.lang.Specification

import static dev.zendo.conversations.ConversationsApi.expect

/**
 * The served OpenAPI document describes the wire of every conversations endpoint (widget, inbox and server API): field
 * names as sent, only fields always present marked required, null only where documented nullable, enums spelled as on
 * the wire, and every documented operation answering as its document says.
 */
class OpenApiContractSpec extends Specification {

    static final String ORIGIN = 'https://shop.example'

    @Shared
    ConversationsApi api = ConversationsApi.get()

    @Shared
    OpenApiDocument document = new OpenApiDocument(new URL(api.server.URL, '/swagger/zendo-conversations-v1.yml').text)

    @Shared
    OpenApiContract contract = new OpenApiContract(document)

    def 'every documented field name is snake_case, as on the wire'() {
        expect:
        contract.namesNotSnakeCase() == []
    }

    def 'every enum is documented in lower case, as the API spells it'() {
        expect:
        document.schemas().findAll { name, schema -> schema.enum && schema.enum.any { it != it.toString().toLowerCase() } }.keySet() == [] as Set
    }

    def 'every documented operation has its success answer checked below'() {
        given:
        def documented = document.operations().collect { "$it.method $it.path".toString() } as Set
        def checked = answers().findAll { it[4] < 300 }.collect { "${it[0]} ${it[1]}".toString() } as Set

        expect:
        documented - checked == [] as Set
    }

    def '#method #path answers #status as its document describes (#caller)'() {
        given:
        def chat = chat(state)
        def concrete = path.replace('{websiteId}', chat.site.id.toString()).replace('{conversationId}', chat.conversationId)
                .replace('{visitorId}', chat.visitorId).replace('{tagId}', chat.tagId).replace('{secretId}', chat.secretId)
                .replace('{agentId}', chat.site.owner.id as String)
        def sent = body instanceof Closure ? body.call(chat) : body

        when:
        def reply = call(caller, chat, method, concrete + query, sent)

        then:
        reply.status == status
        status == 204 ? reply.body == null && documentedWithoutBody(method, path, status) : contract.responseViolations(method, path, status, reply.body) == []
        sent == null || contract.requestViolations(method, path, sent) == []

        cleanup: 'no thread is left with an offline agent for routing to reassign while other specs run'
        api.closeDirectly(UUID.fromString(chat.conversationId as String))

        where:
        [method, path, query, caller, status, state, body] << answers()
    }

    /** Each row: method, path template, query, who calls (widget, visitor, agent, server or nobody), status, the chat's state, body. */
    private static List<List> answers() {
        def session = [public_key: { c -> c.site.publicKey }, page: [url: 'https://shop.example/pricing', title: 'Pricing', referrer: 'https://search.example/'],
                       locale: 'en', pre_chat: [name: 'Ada', email: 'ada@example.com', phone: '+33 1 23 45 67 89', fields: [plan: 'pro']],
                       first_message: [client_msg_id: 'first', body: 'Hello']]
        [
                ['POST', '/v1/widget/session', '', 'widget', 201, 'open', { c -> session.collectEntries { k, v -> [k, v instanceof Closure ? v.call(c) : v] } }],
                ['POST', '/v1/widget/session', '', 'widget', 401, 'open', [public_key: 'pk_unknown', page: [url: 'https://shop.example/']]],
                ['GET', '/v1/widget/jwks.json', '', 'nobody', 200, 'open', null],
                ['GET', '/v1/widget/messages', '?limit=10', 'visitor', 200, 'open', null],
                ['GET', '/v1/widget/agents/{agentId}', '', 'visitor', 200, 'open', null],
                ['GET', '/v1/widget/messages', '', 'nobody', 401, 'open', null],
                ['POST', '/v1/widget/messages', '', 'visitor', 201, 'open', [client_msg_id: 'c-2', body: 'Are you there?']],
                ['POST', '/v1/widget/offline-messages', '', 'visitor', 201, 'open', [name: 'Ada', email: 'ada@example.com', body: 'Call me', client_msg_id: 'o-1']],
                ['POST', '/v1/widget/page-views', '', 'visitor', 201, 'open', [url: 'https://shop.example/cart', title: 'Cart', referrer: 'https://shop.example/']],
                ['POST', '/v1/widget/rating', '', 'visitor', 200, 'closed', { c -> [thread_id: c.threadId, rating: 5, comment: 'Great'] }],
                ['POST', '/v1/widget/rating', '', 'visitor', 409, 'open', { c -> [thread_id: c.threadId, rating: 5] }],
                ['POST', '/v1/widget/read', '', 'visitor', 200, 'open', [seq: 1]],
                ['POST', '/v1/widget/transcript-request', '', 'visitor', 200, 'open', [email: 'ada@example.com', language: 'de']],
                ['POST', '/v1/widget/transcript-request', '', 'visitor', 200, 'closed', [email: 'ada@example.com']],
                ['PATCH', '/v1/widget/visitor', '', 'visitor', 200, 'open', [name: 'Ada', email: 'ada@example.com', phone: '+1 555 0100', attributes: [plan: 'pro']]],

                ['GET', '/v1/inbox/{websiteId}/conversations', '?view=open', 'agent', 200, 'open', null],
                ['GET', '/v1/inbox/{websiteId}/conversations', '?view=closed', 'agent', 200, 'closed', null],
                ['GET', '/v1/inbox/{websiteId}/conversations/counts', '', 'agent', 200, 'open', null],
                ['GET', '/v1/inbox/{websiteId}/conversations/{conversationId}', '', 'agent', 200, 'open', null],
                ['GET', '/v1/inbox/{websiteId}/conversations/{conversationId}', '', 'agent', 200, 'closed', null],
                ['GET', '/v1/inbox/{websiteId}/conversations/{conversationId}', '', 'nobody', 401, 'open', null],
                ['GET', '/v1/inbox/{websiteId}/conversations/{conversationId}/messages', '?limit=5', 'agent', 200, 'open', null],
                ['POST', '/v1/inbox/{websiteId}/conversations/{conversationId}/messages', '', 'agent', 201, 'open', [client_msg_id: 'a-1', body: 'Hi, Ana here', kind: 'text']],
                ['POST', '/v1/inbox/{websiteId}/conversations/{conversationId}/messages', '', 'agent', 201, 'open', [body: 'VIP', kind: 'note']],
                ['POST', '/v1/inbox/{websiteId}/conversations/{conversationId}/read', '', 'agent', 200, 'open', [seq: 1]],
                ['POST', '/v1/inbox/{websiteId}/conversations/{conversationId}/assign', '', 'agent', 200, 'open', { c -> [agent_id: c.site.owner.id] }],
                ['POST', '/v1/inbox/{websiteId}/conversations/{conversationId}/resolve', '', 'agent', 200, 'open', [reason: 'answered']],
                ['POST', '/v1/inbox/{websiteId}/conversations/{conversationId}/close', '', 'agent', 200, 'open', [reason: 'spam']],
                ['POST', '/v1/inbox/{websiteId}/conversations/{conversationId}/reopen', '', 'agent', 200, 'closed', null],
                ['POST', '/v1/inbox/{websiteId}/conversations/{conversationId}/reopen', '', 'agent', 409, 'open', null],
                ['PUT', '/v1/inbox/{websiteId}/conversations/{conversationId}/tags', '', 'agent', 200, 'open', { c -> [tag_ids: [c.tagId]] }],
                ['GET', '/v1/inbox/{websiteId}/tags', '?include_deleted=true', 'agent', 200, 'open', null],
                ['POST', '/v1/inbox/{websiteId}/tags', '', 'agent', 201, 'open', [name: 'Billing', color: '#ff0000']],
                ['PATCH', '/v1/inbox/{websiteId}/tags/{tagId}', '', 'agent', 200, 'open', [name: 'Renamed', color: '#00ff00']],
                ['DELETE', '/v1/inbox/{websiteId}/tags/{tagId}', '', 'agent', 204, 'open', null],
                ['POST', '/v1/inbox/{websiteId}/tags/{tagId}/restore', '', 'agent', 200, 'tag deleted', null],
                ['GET', '/v1/inbox/{websiteId}/search', '?q=hello', 'agent', 200, 'open', null],
                ['GET', '/v1/inbox/{websiteId}/search', '?q=ada', 'agent', 200, 'open', null],
                ['GET', '/v1/inbox/{websiteId}/visitors/{visitorId}', '', 'agent', 200, 'open', null],
                ['GET', '/v1/inbox/{websiteId}/visitors/{visitorId}', '', 'agent', 200, 'closed', null],
                ['GET', '/v1/inbox/{websiteId}/agent-stats', '', 'agent', 200, 'open', null],
                ['GET', '/v1/inbox/{websiteId}/presence', '', 'agent', 200, 'open', null],
                ['GET', '/v1/inbox/{websiteId}/presence', '', 'nobody', 401, 'open', null],
                ['GET', '/v1/inbox/{websiteId}/audit', '?limit=10', 'agent', 200, 'open', null],
                ['GET', '/v1/inbox/{websiteId}/identity-verification/secrets', '', 'agent', 200, 'open', null],
                ['POST', '/v1/inbox/{websiteId}/identity-verification/secrets', '', 'agent', 201, 'open', [overlap_seconds: 60]],
                ['DELETE', '/v1/inbox/{websiteId}/identity-verification/secrets/{secretId}', '', 'agent', 204, 'secret rotated', null],
                ['DELETE', '/v1/inbox/{websiteId}/identity-verification/secrets/{secretId}', '', 'agent', 409, 'open', null],

                ['GET', '/v1/server/conversations', '?limit=10', 'server', 200, 'open', null],
                ['GET', '/v1/server/conversations', '?status=closed', 'server', 200, 'closed', null],
                ['GET', '/v1/server/conversations', '', 'nobody', 401, 'open', null],
                ['GET', '/v1/server/conversations/{conversationId}', '', 'server', 200, 'open', null],
                ['GET', '/v1/server/conversations/{conversationId}', '', 'server', 200, 'closed', null],
                ['GET', '/v1/server/conversations/{conversationId}/messages', '?after=0', 'server', 200, 'open', null],
                ['POST', '/v1/server/conversations/{conversationId}/messages', '', 'server', 201, 'open', [client_msg_id: 's-1', body: 'Your order shipped', kind: 'text', as: [bot_name: 'Shipping']]],
                ['POST', '/v1/server/conversations/{conversationId}/messages', '', 'server', 201, 'open', { c -> [client_msg_id: 's-2', body: 'Noted', kind: 'note', as: [agent_id: c.site.owner.id]] }],
                ['POST', '/v1/server/conversations/{conversationId}/close', '', 'server', 200, 'open', [reason: 'done', resolved: true]],
                ['PATCH', '/v1/server/visitors/{visitorId}', '', 'server', 200, 'open', [name: 'Ada', email: 'ada@example.com', phone: '+1 555 0100', attributes: [plan: 'pro']]],
        ]
    }

    /**
     * A website with a visitor who started a session with a first message (a pending thread), a tag and an
     * identity-verification secret; {@code state} closes the thread, deletes the tag or rotates the secret.
     */
    private Map chat(String state) {
        def site = api.site()
        def session = expect(201, api.widgetSession(site, [first_message: [client_msg_id: 'first', body: 'Hello, I need help'], pre_chat: [name: 'Ada']]))
        def conversationId = session.conversation.id as String
        def threadId = session.conversation.thread_id as String
        def tag = expect(201, api.call('POST', "/v1/inbox/$site.id/tags", site.owner.token, [name: 'Vip', color: '#123456']))
        def secret = expect(201, api.call('POST', "/v1/inbox/$site.id/identity-verification/secrets", site.owner.token, [:]))
        switch (state) {
            case 'closed':
                expect(200, api.call('POST', "/v1/inbox/$site.id/conversations/$conversationId/close", site.owner.token, [reason: 'done']))
                break
            case 'tag deleted':
                assert api.call('DELETE', "/v1/inbox/$site.id/tags/$tag.id", site.owner.token).status == 204
                break
            case 'secret rotated':
                expect(201, api.call('POST', "/v1/inbox/$site.id/identity-verification/secrets", site.owner.token, [overlap_seconds: 60]))
                break
        }
        [site: site, token: session.visitor_token, visitorId: session.visitor.id, conversationId: conversationId, threadId: threadId,
         tagId: tag.id, secretId: secret.id]
    }

    private boolean documentedWithoutBody(String method, String path, int status) {
        Map response = document.document.paths[path]?.get(method.toLowerCase())?.responses?.get(status as String) as Map
        response != null && !response.content
    }

    private ServiceApi.Reply call(String caller, Map chat, String method, String path, Object body) {
        switch (caller) {
            case 'widget':
                return api.call(method, path, null, body, [Origin: ORIGIN, 'X-Forwarded-For': "198.18.${new Random().nextInt(256)}.${new Random().nextInt(256)}".toString()])
            case 'visitor':
                return api.widget(method, path, chat.token as String, body)
            case 'agent':
                return api.call(method, path, chat.site.owner.token as String, body)
            case 'server':
                return api.call(method, path, chat.site.secretKey as String, body)
            default:
                return api.call(method, path, null, body)
        }
    }
}
