package dev.zendo.conversations.widget

import dev.zendo.conversations.ConversationsApi
import dev.zendo.testsupport.ServiceApi
import spock.lang.Shared
import spock.lang.Specification

/**
 * The widget's page can read every answer meant for it: successes for an origin its website allows, and every error,
 * whatever refused it, so the widget can tell an expired token from a limit or a misconfigured website.
 */
class WidgetCorsSpec extends Specification {

    static final String SHOP = 'https://shop.example'
    static final String ELSEWHERE = 'https://elsewhere.example'

    @Shared
    ConversationsApi api = ConversationsApi.get()

    def 'a #status answer to #call from #origin is readable by that page'() {
        given:
        def site = api.site()
        def session = ConversationsApi.expect(201, api.widgetSession(site))
        setup.call(site, session)

        when:
        def reply = request.call(site, session.visitor_token as String, origin)

        then:
        reply.status == status
        reply.header('Access-Control-Allow-Origin') == origin
        reply.header('Access-Control-Expose-Headers') == 'Retry-After'
        reply.header('Vary') == 'Origin'

        where:
        call                              | setup               | origin    | request                                                                                    || status
        'a session'                       | none()              | SHOP      | { s, t, o -> startSession(s.publicKey, o) }                                                     || 201
        'a session without a page'        | none()              | SHOP      | { s, t, o -> api.call('POST', '/v1/widget/session', null, [public_key: s.publicKey], [Origin: o]) } || 400
        'a session with an unknown key'   | none()              | SHOP      | { s, t, o -> startSession('pk_unknown', o) }                                                    || 401
        'a session with a revoked key'    | revokeKeys()        | SHOP      | { s, t, o -> startSession(s.publicKey, o) }                                                     || 401
        'a session'                       | none()              | ELSEWHERE | { s, t, o -> startSession(s.publicKey, o) }                                                     || 403
        'a session over the address limit' | none()             | SHOP      | { s, t, o -> limitedSession(s, o) }                                                        || 429
        'a history read'                  | none()              | SHOP      | { s, t, o -> api.widget('GET', '/v1/widget/messages', t, null, o) }                        || 200
        'a message with no body'          | none()              | SHOP      | { s, t, o -> api.widget('POST', '/v1/widget/messages', t, [client_msg_id: 'c-1'], o) }      || 400
        'a history read with a bad token' | none()              | SHOP      | { s, t, o -> api.widget('GET', '/v1/widget/messages', 'not-a-token', null, o) }            || 401
        'a history read of a deleted website' | deleteWebsite() | SHOP      | { s, t, o -> api.widget('GET', '/v1/widget/messages', t, null, o) }                        || 401
        'a history read'                  | none()              | ELSEWHERE | { s, t, o -> api.widget('GET', '/v1/widget/messages', t, null, o) }                        || 403
        'a read without a conversation'   | none()              | SHOP      | { s, t, o -> api.widget('POST', '/v1/widget/read', t, [seq: 0], o) }                      || 404
        'a rating of an open thread'      | firstMessage()      | SHOP      | { s, t, o -> rateCurrentThread(t, o) }                                                     || 409
        'a message over the visitor limit' | useUpMessages()    | SHOP      | { s, t, o -> api.widget('POST', '/v1/widget/messages', t, [client_msg_id: 'c-2', body: 'hi'], o) } || 429
    }

    def 'a successful answer to a page its website does not allow is not readable, nor is an answer to a request without Origin'() {
        given:
        def site = api.site()
        def token = ConversationsApi.expect(201, api.widgetSession(site)).visitor_token as String

        when:
        def jwks = api.call('GET', '/v1/widget/jwks.json', null, null, [Origin: ELSEWHERE])
        def withoutOrigin = api.widget('GET', '/v1/widget/messages', token, null, null)
        def refusedWithoutOrigin = api.call('POST', '/v1/widget/session', null, [public_key: 'pk_unknown', page: [url: 'https://shop.example/']])

        then:
        jwks.status == 200
        jwks.header('Access-Control-Allow-Origin') == null
        withoutOrigin.status == 200
        withoutOrigin.header('Access-Control-Allow-Origin') == null
        refusedWithoutOrigin.status == 401
        refusedWithoutOrigin.header('Access-Control-Allow-Origin') == null
    }

    private static Closure none() {
        { site, session -> }
    }

    private Closure revokeKeys() {
        { site, session -> api.sql('UPDATE replica_keys SET revoked = true WHERE website_id = ?', [site.id]) }
    }

    private Closure deleteWebsite() {
        { site, session -> api.sql('UPDATE replica_websites SET deleted = true WHERE website_id = ?', [site.id]) }
    }

    private Closure firstMessage() {
        { site, session -> ConversationsApi.expect(201, api.widget('POST', '/v1/widget/messages', session.visitor_token as String, [client_msg_id: 'c-1', body: 'Hello'])) }
    }

    private Closure useUpMessages() {
        { site, session -> api.useUp('widget-messages', session.visitor.id as String) }
    }

    private ServiceApi.Reply startSession(String publicKey, String origin) {
        api.call('POST', '/v1/widget/session', null, [public_key: publicKey, page: [url: 'https://shop.example/']],
                [Origin: origin, 'X-Forwarded-For': "198.18.${new Random().nextInt(256)}.${new Random().nextInt(256)}".toString()])
    }

    private ServiceApi.Reply limitedSession(ConversationsApi.Site site, String origin) {
        def address = '203.0.113.' + new Random().nextInt(250)
        api.useUp('widget-sessions', address)
        api.call('POST', '/v1/widget/session', null, [public_key: site.publicKey, page: [url: 'https://shop.example/']],
                [Origin: origin, 'X-Forwarded-For': address])
    }

    private ServiceApi.Reply rateCurrentThread(String token, String origin) {
        def thread = ConversationsApi.expect(200, api.widget('GET', '/v1/widget/messages', token)).messages[0].thread_id
        api.widget('POST', '/v1/widget/rating', token, [thread_id: thread, rating: 5], origin)
    }
}
