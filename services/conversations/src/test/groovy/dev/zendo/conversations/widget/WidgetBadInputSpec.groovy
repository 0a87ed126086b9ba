package dev.zendo.conversations.widget

import dev.zendo.conversations.ConversationsApi
import dev.zendo.events.v1.Envelope
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

/** Every widget endpoint refuses bad input with a 400 JSON error that names the field, and writes nothing. */
class WidgetBadInputSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    @Shared
    ConversationsApi.Site site = api.site()

    @Shared
    Map session = ConversationsApi.expect(201, api.widgetSession(site, [first_message: [client_msg_id: 'seed', body: 'Hello']]))

    /** The seed thread's queue position is announced after the session answers: before any feature takes its fingerprint. */
    def setupSpec() {
        new PollingConditions(timeout: 10).eventually {
            assert api.outboxEvents(site).any {
                it.payloadCase == Envelope.PayloadCase.QUEUE_POSITION_CHANGED && it.queuePositionChanged.threadId == session.conversation.thread_id
            }
        }
    }

    def '#method #path refuses #problem with 400, and nothing is written'() {
        given:
        def before = api.state(site)

        when:
        def reply = path == '/v1/widget/session'
                ? api.call(method, path, null, body, [Origin: 'https://shop.example'])
                : api.widget(method, path, session.visitor_token as String, body)

        then:
        reply.status == 400
        reply.body.status == 400
        reply.body.error == 'invalid_request'
        reply.body.message.contains(field)
        api.state(site) == before

        where:
        method  | path                           | problem                        | body                                                                                     || field
        'POST'  | '/v1/widget/session'           | 'no public key'                | [page: [url: 'https://shop.example/']]                                                   || 'public_key'
        'POST'  | '/v1/widget/session'           | 'no page'                      | [public_key: 'pk_x']                                                                     || 'page'
        'POST'  | '/v1/widget/session'           | 'a page that is no URL'        | [public_key: 'pk_x', page: [url: 'javascript:alert(1)']]                                 || 'page.url'
        'POST'  | '/v1/widget/session'           | 'a title of 501 characters'    | [public_key: 'pk_x', page: [url: 'https://shop.example/', title: 't' * 501]]             || 'page.title'
        'POST'  | '/v1/widget/session'           | 'a locale that is no tag'      | [public_key: 'pk_x', page: [url: 'https://shop.example/'], locale: 'english please']     || 'locale'
        'POST'  | '/v1/widget/session'           | 'an unknown field'             | [public_key: 'pk_x', page: [url: 'https://shop.example/'], colour: 'red']                || 'colour'
        'POST'  | '/v1/widget/session'           | 'a user without token'         | [public_key: 'pk_x', page: [url: 'https://shop.example/'], user: [:]]                   || 'user.token'
        'POST'  | '/v1/widget/session'           | 'a pre-chat email that is none'| [public_key: 'pk_x', page: [url: 'https://shop.example/'], pre_chat: [email: 'nope']]    || 'pre_chat.email'
        'POST'  | '/v1/widget/session'           | 'a first message without id'   | [public_key: 'pk_x', page: [url: 'https://shop.example/'], first_message: [body: 'x']]   || 'first_message.client_msg_id'
        'POST'  | '/v1/widget/session'           | 'a public key as a number'     | [public_key: 42, page: [url: 'https://shop.example/']]                                   || 'public_key'
        'POST'  | '/v1/widget/messages'          | 'no client_msg_id'             | [body: 'hi']                                                                             || 'client_msg_id'
        'POST'  | '/v1/widget/messages'          | 'no body'                      | [client_msg_id: 'b-1']                                                                   || 'body'
        'POST'  | '/v1/widget/messages'          | 'a blank body'                 | [client_msg_id: 'b-1', body: '   ']                                                      || 'body'
        'POST'  | '/v1/widget/messages'          | 'a body of 10,001 characters'  | [client_msg_id: 'b-1', body: 'x' * 10_001]                                              || 'body'
        'POST'  | '/v1/widget/messages'          | 'a client_msg_id of 129 chars' | [client_msg_id: 'c' * 129, body: 'hi']                                                   || 'client_msg_id'
        'POST'  | '/v1/widget/messages'          | 'a body that is a list'        | [client_msg_id: 'b-1', body: ['hi']]                                                     || 'body'
        'POST'  | '/v1/widget/messages'          | 'malformed JSON'               | '{"client_msg_id": '                                                                     || 'body'
        'GET'   | '/v1/widget/messages?limit=0'  | 'a limit of 0'                 | null                                                                                     || 'limit'
        'GET'   | '/v1/widget/messages?limit=201'| 'a limit of 201'               | null                                                                                     || 'limit'
        'GET'   | '/v1/widget/messages?before=0' | 'a before of 0'                | null                                                                                     || 'before'
        'GET'   | '/v1/widget/messages?after=-1' | 'a negative after'             | null                                                                                     || 'after'
        'GET'   | '/v1/widget/messages?limit=x'  | 'a limit that is no number'    | null                                                                                     || 'limit'
        'POST'  | '/v1/widget/read'              | 'no seq'                       | [:]                                                                                      || 'seq'
        'POST'  | '/v1/widget/read'              | 'a negative seq'               | [seq: -1]                                                                                || 'seq'
        'POST'  | '/v1/widget/read'              | 'a seq beyond the latest'      | [seq: 99]                                                                                || 'seq'
        'POST'  | '/v1/widget/read'              | 'a seq as text'                | [seq: '1']                                                                               || 'seq'
        'POST'  | '/v1/widget/rating'            | 'no thread_id'                 | [rating: 5]                                                                              || 'thread_id'
        'POST'  | '/v1/widget/rating'            | 'a thread_id that is no UUID'  | [thread_id: 'abc', rating: 5]                                                            || 'thread_id'
        'POST'  | '/v1/widget/rating'            | 'a rating of 0'                | [thread_id: UUID.randomUUID().toString(), rating: 0]                                     || 'rating'
        'POST'  | '/v1/widget/rating'            | 'a rating of 6'                | [thread_id: UUID.randomUUID().toString(), rating: 6]                                     || 'rating'
        'POST'  | '/v1/widget/rating'            | 'a comment of 1,001 chars'     | [thread_id: UUID.randomUUID().toString(), rating: 4, comment: 'c' * 1001]                || 'comment'
        'POST'  | '/v1/widget/offline-messages'  | 'no email'                     | [body: 'hi', client_msg_id: 'o-1']                                                       || 'email'
        'POST'  | '/v1/widget/offline-messages'  | 'an email that is none'        | [email: 'not-an-email', body: 'hi', client_msg_id: 'o-1']                                || 'email'
        'POST'  | '/v1/widget/offline-messages'  | 'no client_msg_id'             | [email: 'a@example.com', body: 'hi']                                                     || 'client_msg_id'
        'POST'  | '/v1/widget/offline-messages'  | 'a blank body'                 | [email: 'a@example.com', body: '', client_msg_id: 'o-1']                                 || 'body'
        'PATCH' | '/v1/widget/visitor'           | 'an email that is none'        | [email: 'nope']                                                                          || 'email'
        'PATCH' | '/v1/widget/visitor'           | 'a phone of letters'           | [phone: 'call me']                                                                       || 'phone'
        'PATCH' | '/v1/widget/visitor'           | 'an empty name'                | [name: '']                                                                               || 'name'
        'PATCH' | '/v1/widget/visitor'           | 'an attribute key in capitals' | [attributes: [Plan: 'gold']]                                                             || 'attributes.Plan'
        'PATCH' | '/v1/widget/visitor'           | 'an attribute key too long'    | [attributes: [('k' * 41): 'x']]                                                          || 'attributes.' + 'k' * 41
        'PATCH' | '/v1/widget/visitor'           | 'an attribute that is a map'   | [attributes: [plan: [name: 'gold']]]                                                     || 'attributes.plan'
        'PATCH' | '/v1/widget/visitor'           | 'an attribute that is a list'  | [attributes: [plans: ['gold']]]                                                          || 'attributes.plans'
        'PATCH' | '/v1/widget/visitor'           | 'an attribute of 1,001 chars'  | [attributes: [note: 'n' * 1001]]                                                         || 'attributes.note'
        'PATCH' | '/v1/widget/visitor'           | '51 attributes'                | [attributes: (1..51).collectEntries { ["a$it".toString(), it] }]                        || 'attributes'
        'POST'  | '/v1/widget/page-views'        | 'no url'                       | [title: 'x']                                                                             || 'url'
        'POST'  | '/v1/widget/page-views'        | 'an ftp url'                   | [url: 'ftp://shop.example/file']                                                         || 'url'
        'POST'  | '/v1/widget/page-views'        | 'a url of 2,049 characters'    | [url: 'https://shop.example/' + 'p' * 2028]                                              || 'url'
    }
}
