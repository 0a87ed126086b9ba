package dev.zendo.conversations.agent

import dev.zendo.conversations.ConversationsApi
import spock.lang.Shared
import spock.lang.Specification

/**
 * Bad input on every agent-facing conversation endpoint gets 400 with the JSON error body, and leaves the database and
 * the outbox exactly as they were.
 */
class InboxBadInputSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    @Shared
    ConversationsApi.Site site = api.site()

    @Shared
    Map<String, UUID> conversation = api.waitingConversation(site)

    def '#method #endpoint with #problem is refused with 400 and changes nothing'() {
        given:
        def base = "/v1/inbox/$site.id/conversations"
        def path = endpoint.replace('{id}', conversation.id.toString()).replace('…', base)
        def before = api.state(site)

        when:
        def reply = api.call(method, path, site.owner.token, body)

        then:
        reply.status == 400
        reply.body.error instanceof String
        reply.body.message instanceof String
        api.state(site) == before

        where:
        method | endpoint                 | problem                         | body
        'GET'  | '…?view=bogus'           | 'an unknown view'               | null
        'GET'  | '…?view=OPEN'            | 'a view in capitals'            | null
        'GET'  | '…?limit=0'              | 'a limit of 0'                  | null
        'GET'  | '…?limit=101'            | 'a limit over 100'              | null
        'GET'  | '…?limit=ten'            | 'a limit that is no number'     | null
        'GET'  | '…?cursor=garbage'       | 'a cursor it never gave'        | null
        'GET'  | "…?cursor=${'x|y'.bytes.encodeBase64Url()}" | 'a forged cursor' | null
        'GET'  | '…?group_id=sales'       | 'a group id that is no UUID'    | null
        'GET'  | '…?tag_id=1'             | 'a tag id that is no UUID'      | null
        'GET'  | "…?agent_id=${'a' * 201}" | 'an agent id too long'         | null
        'GET'  | '…/counts?group_id=x'    | 'a group id that is no UUID'    | null
        'GET'  | '…/not-a-uuid'           | 'a conversation id that is no UUID' | null
        'GET'  | '…/{id}/messages?before=0' | 'before below 1'              | null
        'GET'  | '…/{id}/messages?after=-1' | 'after below 0'               | null
        'GET'  | '…/{id}/messages?limit=201' | 'a limit over 200'           | null
        'GET'  | '…/{id}/messages?before=x' | 'before that is no number'    | null
        'POST' | '…/{id}/messages'        | 'no body field'                 | [client_msg_id: 'c1']
        'POST' | '…/{id}/messages'        | 'an empty body'                 | [body: '']
        'POST' | '…/{id}/messages'        | 'a blank body'                  | [body: '  \n ']
        'POST' | '…/{id}/messages'        | 'a body over 10,000 characters' | [body: 'x' * 10_001]
        'POST' | '…/{id}/messages'        | 'a body that is a number'       | '{"body": 42}'
        'POST' | '…/{id}/messages'        | 'kind system'                   | [body: 'Hi', kind: 'system']
        'POST' | '…/{id}/messages'        | 'an unknown kind'               | [body: 'Hi', kind: 'shout']
        'POST' | '…/{id}/messages'        | 'an empty client_msg_id'        | [body: 'Hi', client_msg_id: '']
        'POST' | '…/{id}/messages'        | 'a client_msg_id too long'      | [body: 'Hi', client_msg_id: 'c' * 129]
        'POST' | '…/{id}/messages'        | 'an unknown field'              | [body: 'Hi', urgent: true]
        'POST' | '…/{id}/messages'        | 'malformed JSON'                | '{"body": "Hi"'
        'POST' | '…/{id}/messages'        | 'no JSON body at all'           | null
        'POST' | '…/{id}/read'            | 'no seq'                        | [:]
        'POST' | '…/{id}/read'            | 'a negative seq'                | [seq: -1]
        'POST' | '…/{id}/read'            | 'a seq beyond the latest'       | [seq: 99]
        'POST' | '…/{id}/read'            | 'a seq that is text'            | [seq: 'one']
        'POST' | '…/{id}/assign'          | 'neither agent nor group'       | [:]
        'POST' | '…/{id}/assign'          | 'both agent and group'          | [agent_id: 'a', group_id: UUID.randomUUID().toString()]
        'POST' | '…/{id}/assign'          | 'an empty agent id'             | [agent_id: '']
        'POST' | '…/{id}/assign'          | 'a group id that is no UUID'    | [group_id: 'sales']
        'POST' | '…/{id}/resolve'         | 'a reason over 500 characters'  | [reason: 'r' * 501]
        'POST' | '…/{id}/close'           | 'a reason that is a number'     | '{"reason": 5}'
        'PUT'  | '…/{id}/tags'            | 'no tag_ids'                    | [:]
        'PUT'  | '…/{id}/tags'            | 'tag_ids null'                  | '{"tag_ids": null}'
        'PUT'  | '…/{id}/tags'            | 'more than 20 tags'             | [tag_ids: (1..21).collect { UUID.randomUUID().toString() }]
        'PUT'  | '…/{id}/tags'            | 'a null tag id'                 | '{"tag_ids": [null]}'
        'PUT'  | '…/{id}/tags'            | 'a tag id that is no UUID'      | [tag_ids: ['urgent']]
        'PUT'  | '…/{id}/tags'            | 'tag_ids that is no list'       | [tag_ids: 'urgent']
    }
}
