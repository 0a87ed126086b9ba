package dev.zendo.conversations.widget

import dev.zendo.auth.agent.AgentTokenVerifier
import dev.zendo.conversations.ConversationsApi
import dev.zendo.conversations.thread.ThreadService
import dev.zendo.events.v1.Actor
import dev.zendo.events.v1.ActorKind
import dev.zendo.events.v1.Envelope
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

/**
 * A visitor token reaches its own visitor on its own website only, and nothing agents use. Refusals are checked against
 * the rows of the spec's own websites, so specs writing other websites meanwhile cannot disturb them.
 */
class WidgetIsolationSpec extends Specification {

    static final List<List> ENDPOINTS = [
            ['POST', '/v1/widget/messages', [client_msg_id: 'x-1', body: 'hi']],
            ['GET', '/v1/widget/messages', null],
            ['POST', '/v1/widget/read', [seq: 0]],
            ['POST', '/v1/widget/rating', [thread_id: UUID.randomUUID().toString(), rating: 4]],
            ['POST', '/v1/widget/offline-messages', [email: 'a@example.com', body: 'hi', client_msg_id: 'x-2']],
            ['PATCH', '/v1/widget/visitor', [name: 'Mallory']],
            ['POST', '/v1/widget/page-views', [url: 'https://shop.example/x']],
            ['POST', '/v1/widget/transcript-request', [email: 'a@example.com']],
    ]

    @Shared
    ConversationsApi api = ConversationsApi.get()

    def 'website A\'s visitor token used from website B\'s page on #method #path is refused with 403, and nothing is written'() {
        given:
        def a = api.site(['https://a.example'])
        def b = api.site(['https://b.example'])
        def token = ConversationsApi.expect(201, api.widgetSession(a)).visitor_token as String
        def before = api.state(a, b)

        when:
        def reply = api.widget(method, path, token, body, 'https://b.example')

        then:
        reply.status == 403
        reply.body.error == 'origin_not_allowed'
        api.state(a, b) == before

        where:
        [method, path, body] << ENDPOINTS
    }

    def '#method #path refuses #what with 401, and nothing is written'() {
        given:
        def site = api.site()
        def session = ConversationsApi.expect(201, api.widgetSession(site))
        def token = tokenOf(session, site, what)
        def before = api.state(site)

        when:
        def reply = api.widget(method, path, token, body)

        then:
        reply.status == 401
        reply.body.status == 401
        api.state(site) == before

        where:
        [what, method, path, body] << [['no token', 'an agent\'s token', 'a token of a deleted website'], ENDPOINTS].combinations()
                .collect { [it[0]] + it[1] }
    }

    def 'a visitor token of another website is no visitor of this one: the session gets a new visitor'() {
        given:
        def a = api.site()
        def b = api.site()
        def ofA = ConversationsApi.expect(201, api.widgetSession(a, [first_message: [client_msg_id: 'a-1', body: 'secret of A']]))

        when:
        def onB = ConversationsApi.expect(201, api.widgetSession(b, [visitor_token: ofA.visitor_token]))

        then:
        onB.visitor.id != ofA.visitor.id
        onB.conversation == null
        api.sql('SELECT website_id FROM visitors WHERE id = ?::uuid', [onB.visitor.id])[0].website_id == b.id
    }

    def 'a visitor cannot rate a thread of another visitor\'s conversation'() {
        given:
        def site = api.site()
        def other = ConversationsApi.expect(201, api.widgetSession(site, [first_message: [client_msg_id: 'o-1', body: 'mine']]))
        api.context.getBean(ThreadService).close(UUID.fromString(other.conversation.id),
                Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_AGENT).setId(site.owner.id).build(), true, null)
        def me = ConversationsApi.expect(201, api.widgetSession(site, [first_message: [client_msg_id: 'm-1', body: 'me']]))
        new PollingConditions(timeout: 10).eventually {
            assert api.outboxEvents(site).any { it.payloadCase == Envelope.PayloadCase.QUEUE_POSITION_CHANGED && it.queuePositionChanged.threadId == me.conversation.thread_id }
        }
        def before = api.state(site)

        when:
        def reply = api.widget('POST', '/v1/widget/rating', me.visitor_token as String, [thread_id: other.conversation.thread_id, rating: 1])

        then:
        reply.status == 404
        api.state(site) == before
    }

    def 'a visitor token is never an agent\'s access token'() {
        given:
        def token = ConversationsApi.expect(201, api.widgetSession(api.site())).visitor_token as String

        expect:
        api.context.getBean(AgentTokenVerifier).verify(token).isEmpty()
    }

    private String tokenOf(Map session, ConversationsApi.Site site, String what) {
        switch (what) {
            case 'no token': return null
            case 'an agent\'s token': return site.owner.token
            default:
                api.sql('UPDATE replica_websites SET deleted = true WHERE website_id = ?', [site.id])
                return session.visitor_token
        }
    }
}
