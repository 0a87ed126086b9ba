package dev.zendo.conversations.widget

import dev.zendo.conversations.ConversationsApi
import spock.lang.Shared
import spock.lang.Specification

/** Sessions per address, messages per visitor and new conversations per website are limited: 429 with Retry-After. */
class WidgetRateLimitSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    def 'a #limit limit used up answers 429 with Retry-After and a JSON body the widget can read, and writes nothing'() {
        given:
        def site = api.site()
        def session = ConversationsApi.expect(201, api.widgetSession(site))
        def key = [ip: '203.0.113.' + new Random().nextInt(250), visitor: session.visitor.id, website: site.id.toString()][keyOf]
        api.useUp(limit, key)
        def before = api.state(site)

        when:
        def reply = keyOf == 'ip'
                ? api.widgetSession(site, [:], ['X-Forwarded-For': key])
                : api.widget('POST', '/v1/widget/messages', session.visitor_token as String, [client_msg_id: 'r-1', body: 'hi'])

        then:
        reply.status == 429
        reply.header('Retry-After').toInteger() >= 1
        reply.header('Access-Control-Allow-Origin') == 'https://shop.example'
        reply.body.error == 'too_many_requests'
        reply.body.message
        api.state(site) == before

        where:
        limit                  | keyOf
        'widget-sessions'      | 'ip'
        'widget-messages'      | 'visitor'
        'widget-conversations' | 'website'
    }

    def 'messages in an open thread do not count as new conversations'() {
        given:
        def site = api.site()
        def session = ConversationsApi.expect(201, api.widgetSession(site, [first_message: [client_msg_id: 'f-1', body: 'first']]))
        api.useUp('widget-conversations', site.id.toString())

        expect:
        api.widget('POST', '/v1/widget/messages', session.visitor_token as String, [client_msg_id: 'f-2', body: 'second']).status == 201
    }
}
