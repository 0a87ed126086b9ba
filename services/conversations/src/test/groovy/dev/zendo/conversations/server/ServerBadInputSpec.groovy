package dev.zendo.conversations.server

import spock.lang.Shared

/** Every bad input to the server API is a 400 naming the field (in its errors, or its message), and changes nothing. */
class ServerBadInputSpec extends ServerApiSpecification {

    @Shared
    def site = api.site()

    @Shared
    Map chat = chat(site)

    def '#method #path with #problem is refused with #status naming #field, and changes nothing'() {
        given:
        def concrete = path.replace('{conversationId}', chat.conversationId.toString()).replace('{visitorId}', chat.visitorId.toString())
        def before = api.state(site)

        when:
        def reply = api.call(method, concrete, site.secretKey, body, headers)

        then:
        reply.status == status
        reply.body.status == status
        field == null || named(reply.body, field)
        api.state(site) == before

        where:
        method  | path                                                 | problem                          | body                                                                                  | headers                           || status | field
        'GET'   | '/v1/server/conversations?status=open'               | 'an unknown status'              | null                                                                                  | [:]                               || 400    | 'status'
        'GET'   | '/v1/server/conversations?limit=0'                   | 'a limit of 0'                   | null                                                                                  | [:]                               || 400    | 'limit'
        'GET'   | '/v1/server/conversations?limit=201'                 | 'a limit over 200'               | null                                                                                  | [:]                               || 400    | 'limit'
        'GET'   | '/v1/server/conversations?limit=ten'                 | 'a limit that is no number'      | null                                                                                  | [:]                               || 400    | 'limit'
        'GET'   | '/v1/server/conversations?cursor=bm90LWEtY3Vyc29y'   | 'a forged cursor'                | null                                                                                  | [:]                               || 400    | 'cursor'
        'GET'   | '/v1/server/conversations/not-a-uuid'                | 'an id that is no UUID'          | null                                                                                  | [:]                               || 400    | 'conversationId'
        'GET'   | '/v1/server/conversations/{conversationId}/messages?before=0' | 'before 0'              | null                                                                                  | [:]                               || 400    | 'before'
        'GET'   | '/v1/server/conversations/{conversationId}/messages?after=-1' | 'after -1'              | null                                                                                  | [:]                               || 400    | 'after'
        'GET'   | '/v1/server/conversations/{conversationId}/messages?limit=201' | 'a limit over 200'     | null                                                                                  | [:]                               || 400    | 'limit'
        'POST'  | '/v1/server/conversations/{conversationId}/messages' | 'no body'                        | null                                                                                  | [:]                               || 400    | null
        'POST'  | '/v1/server/conversations/{conversationId}/messages' | 'malformed JSON'                 | '{"body": '                                                                           | [:]                               || 400    | null
        'POST'  | '/v1/server/conversations/{conversationId}/messages' | 'no client_msg_id'               | [body: 'Hi', as: [bot_name: 'Bot']]                                                   | [:]                               || 400    | 'client_msg_id'
        'POST'  | '/v1/server/conversations/{conversationId}/messages' | 'a blank client_msg_id'          | [client_msg_id: ' ', body: 'Hi', as: [bot_name: 'Bot']]                               | [:]                               || 400    | 'client_msg_id'
        'POST'  | '/v1/server/conversations/{conversationId}/messages' | 'a client_msg_id over 128'       | [client_msg_id: 'x' * 129, body: 'Hi', as: [bot_name: 'Bot']]                         | [:]                               || 400    | 'client_msg_id'
        'POST'  | '/v1/server/conversations/{conversationId}/messages' | 'no body text'                   | [client_msg_id: 'a', as: [bot_name: 'Bot']]                                           | [:]                               || 400    | 'body'
        'POST'  | '/v1/server/conversations/{conversationId}/messages' | 'a blank body text'              | [client_msg_id: 'a', body: " \u0000\n", as: [bot_name: 'Bot']]                        | [:]                               || 400    | 'body'
        'POST'  | '/v1/server/conversations/{conversationId}/messages' | 'a body over 10,000 characters'  | [client_msg_id: 'a', body: 'x' * 10_001, as: [bot_name: 'Bot']]                       | [:]                               || 400    | 'body'
        'POST'  | '/v1/server/conversations/{conversationId}/messages' | 'a body that is a number'        | [client_msg_id: 'a', body: 5, as: [bot_name: 'Bot']]                                  | [:]                               || 400    | 'body'
        'POST'  | '/v1/server/conversations/{conversationId}/messages' | 'kind system'                    | [client_msg_id: 'a', body: 'Hi', kind: 'system', as: [bot_name: 'Bot']]               | [:]                               || 400    | 'kind'
        'POST'  | '/v1/server/conversations/{conversationId}/messages' | 'no as'                          | [client_msg_id: 'a', body: 'Hi']                                                      | [:]                               || 400    | 'as'
        'POST'  | '/v1/server/conversations/{conversationId}/messages' | 'as with neither field'          | [client_msg_id: 'a', body: 'Hi', as: [:]]                                             | [:]                               || 400    | 'as'
        'POST'  | '/v1/server/conversations/{conversationId}/messages' | 'as with both fields'            | [client_msg_id: 'a', body: 'Hi', as: [bot_name: 'Bot', agent_id: 'agent-1']]          | [:]                               || 400    | 'as'
        'POST'  | '/v1/server/conversations/{conversationId}/messages' | 'a blank bot name'               | [client_msg_id: 'a', body: 'Hi', as: [bot_name: '  ']]                                | [:]                               || 400    | 'as.bot_name'
        'POST'  | '/v1/server/conversations/{conversationId}/messages' | 'a bot name over 80'             | [client_msg_id: 'a', body: 'Hi', as: [bot_name: 'b' * 81]]                            | [:]                               || 400    | 'as.bot_name'
        'POST'  | '/v1/server/conversations/{conversationId}/messages' | 'a bot name on two lines'        | [client_msg_id: 'a', body: 'Hi', as: [bot_name: "Shop\nbot"]]                         | [:]                               || 400    | 'as.bot_name'
        'POST'  | '/v1/server/conversations/{conversationId}/close'    | 'a reason over 500'              | [reason: 'r' * 501]                                                                   | [:]                               || 400    | 'reason'
        'POST'  | '/v1/server/conversations/{conversationId}/close'    | 'resolved that is no boolean'    | [resolved: 'yes']                                                                     | [:]                               || 400    | 'resolved'
        'PATCH' | '/v1/server/visitors/{visitorId}'                    | 'an empty change'                | [:]                                                                                   | [:]                               || 400    | 'body'
        'PATCH' | '/v1/server/visitors/{visitorId}'                    | 'a blank name'                   | [name: ' ']                                                                           | [:]                               || 400    | 'name'
        'PATCH' | '/v1/server/visitors/{visitorId}'                    | 'a name over 200'                | [name: 'n' * 201]                                                                     | [:]                               || 400    | 'name'
        'PATCH' | '/v1/server/visitors/{visitorId}'                    | 'an email without @'             | [email: 'ada.example.com']                                                            | [:]                               || 400    | 'email'
        'PATCH' | '/v1/server/visitors/{visitorId}'                    | 'an email over 254'              | [email: 'a' * 250 + '@example.com']                                                   | [:]                               || 400    | 'email'
        'PATCH' | '/v1/server/visitors/{visitorId}'                    | 'a phone with letters'           | [phone: 'call me']                                                                    | [:]                               || 400    | 'phone'
        'PATCH' | '/v1/server/visitors/{visitorId}'                    | 'an attribute key in capitals'   | [attributes: [Plan: 'pro']]                                                           | [:]                               || 400    | 'attributes.Plan'
        'PATCH' | '/v1/server/visitors/{visitorId}'                    | 'an attribute that is an object' | [attributes: [plan: [tier: 'pro']]]                                                   | [:]                               || 400    | 'attributes.plan'
        'PATCH' | '/v1/server/visitors/{visitorId}'                    | 'an attribute that is a list'    | [attributes: [plans: ['pro']]]                                                        | [:]                               || 400    | 'attributes.plans'
        'PATCH' | '/v1/server/visitors/{visitorId}'                    | 'an attribute over 500'          | [attributes: [note: 'n' * 501]]                                                       | [:]                               || 400    | 'attributes.note'
        'PATCH' | '/v1/server/visitors/{visitorId}'                    | 'more than 50 attributes'        | [attributes: (1..51).collectEntries { ["a$it".toString(), it] }]                      | [:]                               || 400    | 'attributes'
        'PATCH' | '/v1/server/visitors/{visitorId}'                    | 'attributes that are a list'     | [attributes: ['plan']]                                                                | [:]                               || 400    | 'attributes'
        'PATCH' | '/v1/server/visitors/not-a-uuid'                     | 'an id that is no UUID'          | [name: 'Ada']                                                                         | [:]                               || 400    | 'visitorId'
    }

    private static boolean named(Map error, String field) {
        def named = { String it -> it == field || it.startsWith(field + '.') || it.startsWith(field + '[') }
        error.errors*.field.any(named) || (error.message as String).startsWith(field + ':') || (error.message as String).startsWith(field + '.')
    }
}
