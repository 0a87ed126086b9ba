package dev.zendo.conversations.access

import dev.zendo.conversations.ConversationsApi
import spock.lang.Shared
import spock.lang.Specification

/** Each agent's inbox reads and writes are limited apart, per agent: past a limit 429 with Retry-After, nothing written. */
class InboxRateLimitSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    def 'an agent past the #limit limit gets 429 with Retry-After and the JSON error body for #endpoint, and nothing is written'() {
        given:
        def site = api.site()
        def conversation = api.waitingConversation(site)
        def tag = api.tagOf(site)
        api.useUp(limit, site.owner.id)
        def before = api.state(site)

        when:
        def reply = request(site, conversation.id, tag)

        then:
        reply.status == 429
        reply.header('Retry-After').toInteger() >= 1
        reply.body.error == 'too_many_requests'
        reply.body.message
        api.state(site) == before

        where:
        limit          | endpoint          | request
        'inbox-reads'  | 'the list'        | { s, c, t -> api.call('GET', "/v1/inbox/$s.id/conversations", s.owner.token) }
        'inbox-reads'  | 'a conversation'  | { s, c, t -> api.call('GET', "/v1/inbox/$s.id/conversations/$c", s.owner.token) }
        'inbox-reads'  | 'the audit log'   | { s, c, t -> api.call('GET', "/v1/inbox/$s.id/audit", s.owner.token) }
        'inbox-writes' | 'a reply'         | { s, c, t -> api.call('POST', "/v1/inbox/$s.id/conversations/$c/messages", s.owner.token, [client_msg_id: 'r-1', body: 'hi']) }
        'inbox-writes' | 'a note'          | { s, c, t -> api.call('POST', "/v1/inbox/$s.id/conversations/$c/messages", s.owner.token, [body: 'n', kind: 'note']) }
        'inbox-writes' | 'an assignment'   | { s, c, t -> api.call('POST', "/v1/inbox/$s.id/conversations/$c/assign", s.owner.token, [agent_id: s.owner.id]) }
        'inbox-writes' | 'setting tags'    | { s, c, t -> api.call('PUT', "/v1/inbox/$s.id/conversations/$c/tags", s.owner.token, [tag_ids: [t]]) }
        'inbox-writes' | 'a new tag'       | { s, c, t -> api.call('POST', "/v1/inbox/$s.id/tags", s.owner.token, [name: 'vip', color: '#fff']) }
    }

    def 'an agent past the write limit still reads, and past the read limit still writes'() {
        given:
        def site = api.site()
        def conversation = api.waitingConversation(site)
        api.useUp(usedUp, site.owner.id)

        expect:
        api.call('GET', "/v1/inbox/$site.id/conversations/$conversation.id", site.owner.token).status == (usedUp == 'inbox-reads' ? 429 : 200)
        api.call('POST', "/v1/inbox/$site.id/conversations/$conversation.id/messages", site.owner.token, [body: 'note', kind: 'note'])
                .status == (usedUp == 'inbox-writes' ? 429 : 201)

        where:
        usedUp << ['inbox-reads', 'inbox-writes']
    }

    def 'another agent of the same website is not affected by one agent using up both limits'() {
        given:
        def site = api.site()
        def conversation = api.waitingConversation(site)
        def other = api.member(site, 'ADMIN')
        api.useUp('inbox-reads', site.owner.id)
        api.useUp('inbox-writes', site.owner.id)

        expect:
        api.call('GET', "/v1/inbox/$site.id/conversations", site.owner.token).status == 429
        api.call('GET', "/v1/inbox/$site.id/conversations", other.token).status == 200
        api.call('POST', "/v1/inbox/$site.id/conversations/$conversation.id/messages", other.token, [body: 'note', kind: 'note']).status == 201
    }
}
