package dev.zendo.conversations.agent

import dev.zendo.conversations.ConversationsApi
import dev.zendo.events.v1.Audience
import dev.zendo.events.v1.Envelope
import spock.lang.Shared
import spock.lang.Specification

/**
 * An agent's work on one conversation through the API: opening it, its messages and notes, read cursors, taking,
 * assigning and transferring it (with the system lines routing writes), resolving, closing, reopening and tagging.
 */
class ConversationActionsSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    @Shared
    ConversationsApi.Site site = api.site()

    @Shared
    ConversationsApi.Agent supervisor = api.member(site, 'SUPERVISOR')

    @Shared
    ConversationsApi.Agent agent = api.member(site, 'AGENT', 1)

    @Shared
    ConversationsApi.Agent viewer = api.member(site, 'VIEWER')

    def 'an opened conversation shows its current thread, visitor, tags and the caller’s unread count'() {
        given:
        def conversation = api.waitingConversation(site, 'Where is my order?')
        def tag = api.tagOf(site, 'Orders')
        api.sql('INSERT INTO conversation_tags (conversation_id, tag_id, tagged_by, tagged_at) VALUES (?, ?, ?, now())', [conversation.id, tag, supervisor.id])

        when:
        def details = ConversationsApi.expect(200, api.call('GET', path(conversation), supervisor.token))

        then:
        details.id == conversation.id.toString()
        details.status == 'pending'
        details.thread.id == conversation.threadId.toString()
        details.thread.status == 'pending'
        details.visitor.id == conversation.visitorId.toString()
        details.last_seq == 1
        details.last_message_preview == 'Where is my order?'
        details.unread_count == 1
        details.tags == [[id: tag.toString(), name: 'Orders', color: '#123456']]
    }

    def 'a reply is stored once per client_msg_id: 201 first, 200 with the same message after'() {
        given:
        def conversation = api.waitingConversation(site)
        def body = [client_msg_id: 'reply-1', body: 'Hello! Let me check.']

        when:
        def first = api.call('POST', "${path(conversation)}/messages", supervisor.token, body)
        def retry = api.call('POST', "${path(conversation)}/messages", supervisor.token, body)

        then:
        first.status == 201
        retry.status == 200
        retry.body == first.body
        first.body.kind == 'text'
        first.body.seq == 2
        first.body.author == [kind: 'agent', id: supervisor.id, name: supervisor.name]
        api.sql("SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND client_msg_id = 'reply-1'", [conversation.id])[0].n == 1
    }

    def 'a note is read back by agents and announced to agents only'() {
        given:
        def conversation = api.waitingConversation(site)

        when:
        def note = ConversationsApi.expect(201, api.call('POST', "${path(conversation)}/messages", supervisor.token,
                [body: 'VIP customer', kind: 'note']))
        def history = ConversationsApi.expect(200, api.call('GET', "${path(conversation)}/messages", supervisor.token))

        then:
        note.kind == 'note'
        history.messages*.kind == ['text', 'note']
        history.has_more == false
        def created = api.outboxEvents(site).findAll { it.payloadCase == Envelope.PayloadCase.MESSAGE_CREATED && it.messageCreated.messageId == note.id }
        created.size() == 1
        created[0].audience == Audience.AUDIENCE_AGENTS
    }

    def 'history pages by seq before and after'() {
        given:
        def conversation = api.waitingConversation(site)
        (2..6).each { ConversationsApi.expect(201, api.call('POST', "${path(conversation)}/messages", supervisor.token, [body: "Line $it"])) }

        expect:
        ConversationsApi.expect(200, api.call('GET', "${path(conversation)}/messages?$query", supervisor.token)).messages*.seq == seqs

        where:
        query                || seqs
        'limit=2'            || [5, 6]
        'before=3'           || [1, 2]
        'after=4'            || [5, 6]
        'after=1&limit=2'    || [2, 3]
        'before=6&after=3'   || [4, 5]
    }

    def 'marking read moves the caller’s cursor forward only and clears the unread count'() {
        given:
        def conversation = api.waitingConversation(site)

        when:
        def read = ConversationsApi.expect(200, api.call('POST', "${path(conversation)}/read", supervisor.token, [seq: 1]))
        def again = ConversationsApi.expect(200, api.call('POST', "${path(conversation)}/read", supervisor.token, [seq: 0]))

        then:
        read == [seq: 1, moved: true]
        again == [seq: 1, moved: false]
        ConversationsApi.expect(200, api.call('GET', path(conversation), supervisor.token)).unread_count == 0
    }

    def 'an agent takes a waiting conversation and the visitor sees who joined'() {
        given:
        def conversation = api.waitingConversation(site)

        when:
        def taken = ConversationsApi.expect(200, api.call('POST', "${path(conversation)}/assign", agent.token, [agent_id: agent.id]))

        then:
        taken.status == 'active'
        taken.agent_id == agent.id
        taken.thread.agent_id == agent.id
        lastLine(conversation) == "$agent.name joined"
        api.outboxEvents(site).any { it.payloadCase == Envelope.PayloadCase.CONVERSATION_ASSIGNED && it.conversationAssigned.conversationId == conversation.id.toString() && it.conversationAssigned.agentId == agent.id }

        cleanup:
        api.closeDirectly(conversation.id)
    }

    def 'a supervisor assigns, transfers and sends a conversation to a group, each shown as a system line'() {
        given:
        def conversation = api.waitingConversation(site)
        def second = api.member(site, 'AGENT')

        when:
        ConversationsApi.expect(200, api.call('POST', "${path(conversation)}/assign", supervisor.token, [agent_id: agent.id]))
        def assigned = lastLine(conversation)
        ConversationsApi.expect(200, api.call('POST', "${path(conversation)}/assign", supervisor.token, [agent_id: second.id]))
        def transferred = lastLine(conversation)
        def queued = ConversationsApi.expect(200, api.call('POST', "${path(conversation)}/assign", supervisor.token, [group_id: site.groupId.toString()]))

        then:
        assigned == "Assigned to $agent.name"
        transferred == "Transferred to $second.name"
        lastLine(conversation) == 'Transferred to General'
        queued.status == 'pending'
        queued.agent_id == null
    }

    def 'assigning is refused with a clear code: #problem'() {
        given:
        def conversation = api.waitingConversation(site)
        prepare(conversation)
        def before = api.state(site)

        when:
        def reply = api.call('POST', "${path(conversation)}/assign", caller == 'agent' ? agent.token : supervisor.token, body())

        then:
        reply.status == status
        reply.body.error == code
        api.state(site) == before

        cleanup:
        api.sql("UPDATE conversations SET status = 'CLOSED' WHERE agent_id = ? AND status = 'ACTIVE'", [agent.id])
        api.sql("UPDATE threads SET status = 'CLOSED' WHERE agent_id = ? AND status = 'ACTIVE'", [agent.id])

        where:
        problem                         | caller       | prepare                                                        | body                                              || status | code
        'an agent at capacity'          | 'agent'      | { c -> api.assignDirectly(api.waitingConversation(site).id, agent.id) } | { [agent_id: agent.id] }                || 409    | 'agent_at_capacity'
        'a viewer as the target'        | 'supervisor' | { c -> }                                                       | { [agent_id: viewer.id] }                         || 409    | 'agent_cannot_take_chats'
        'someone of no website'         | 'supervisor' | { c -> }                                                       | { [agent_id: 'agent-nobody'] }                    || 404    | 'agent_not_found'
        'a member of another website'   | 'supervisor' | { c -> }                                                       | { [agent_id: api.site().owner.id] }               || 404    | 'agent_not_found'
        'an unknown group'              | 'supervisor' | { c -> }                                                       | { [group_id: UUID.randomUUID().toString()] }      || 404    | 'group_not_found'
        'another website’s group'       | 'supervisor' | { c -> }                                                       | { [group_id: api.site().groupId.toString()] }     || 404    | 'group_not_found'
        'a closed thread'               | 'supervisor' | { c -> api.closeDirectly(c.id) }                               | { [agent_id: supervisor.id] }                     || 409    | 'thread_closed'
        'an agent taking another’s'     | 'agent'      | { c -> api.assignDirectly(c.id, supervisor.id) }               | { [agent_id: agent.id] }                          || 403    | 'forbidden'
        'an agent assigning someone'    | 'agent'      | { c -> }                                                       | { [agent_id: supervisor.id] }                     || 403    | 'forbidden'
    }

    def 'a conversation without a thread cannot be assigned'() {
        given:
        def visitorId = UUID.randomUUID()
        api.sql('INSERT INTO visitors (id, website_id, label, created_at, updated_at, last_seen_at) VALUES (?, ?, ?, now(), now(), now())', [visitorId, site.id, 'Silent Fox 3'])
        def conversation = api.context.getBean(dev.zendo.conversations.conversation.ConversationService).lockOrOpen(site.id, visitorId)

        expect:
        api.call('POST', "/v1/inbox/$site.id/conversations/${conversation.id()}/assign", supervisor.token, [agent_id: supervisor.id]).body.error == 'no_thread'
    }

    def 'an agent resolves, and reopens, a conversation assigned to them'() {
        given:
        def conversation = api.waitingConversation(site)
        ConversationsApi.expect(200, api.call('POST', "${path(conversation)}/assign", agent.token, [agent_id: agent.id]))

        when:
        def resolved = ConversationsApi.expect(200, api.call('POST', "${path(conversation)}/resolve", agent.token, [reason: 'Answered']))

        then:
        resolved.status == 'resolved'
        resolved.thread.closed_by_kind == 'agent'
        resolved.thread.closed_by_id == agent.id
        resolved.thread.close_reason == 'Answered'
        lastLine(conversation) == "Resolved by $agent.name"

        when:
        def reopened = ConversationsApi.expect(200, api.call('POST', "${path(conversation)}/reopen", agent.token))

        then:
        reopened.status == 'active'
        reopened.agent_id == agent.id

        when:
        def closed = ConversationsApi.expect(200, api.call('POST', "${path(conversation)}/close", agent.token))

        then:
        closed.status == 'closed'
        closed.thread.close_reason == null
    }

    def 'an agent may not close or reopen a conversation that is not theirs'() {
        given:
        def conversation = api.waitingConversation(site)
        api.assignDirectly(conversation.id, supervisor.id)
        api.sql('INSERT INTO messages (id, conversation_id, thread_id, website_id, seq, author_kind, author_id, kind, body, created_at) VALUES (?, ?, ?, ?, 2, ?, ?, ?, ?, now())',
                [UUID.randomUUID(), conversation.id, conversation.threadId, site.id, 'AGENT', agent.id, 'NOTE', 'seen'])
        api.sql('UPDATE conversations SET last_seq = 2 WHERE id = ?', [conversation.id])

        expect:
        api.call('POST', "${path(conversation)}/close", agent.token).status == 403

        when:
        api.closeDirectly(conversation.id)

        then:
        api.call('POST', "${path(conversation)}/reopen", agent.token).status == 403
    }

    def 'tags are set as a whole set and the change is announced to agents only'() {
        given:
        def conversation = api.waitingConversation(site)
        def (a, b, c) = [api.tagOf(site, 'A-tag'), api.tagOf(site, 'B-tag'), api.tagOf(site, 'C-tag')]

        when:
        def first = ConversationsApi.expect(200, api.call('PUT', "${path(conversation)}/tags", supervisor.token, [tag_ids: [a, b, a]*.toString()]))
        def second = ConversationsApi.expect(200, api.call('PUT', "${path(conversation)}/tags", supervisor.token, [tag_ids: [b, c]*.toString()]))
        def same = ConversationsApi.expect(200, api.call('PUT', "${path(conversation)}/tags", supervisor.token, [tag_ids: [c, b]*.toString()]))
        def tagged = api.outboxEvents(site).findAll { it.payloadCase == Envelope.PayloadCase.CONVERSATION_TAGGED && it.conversationTagged.conversationId == conversation.id.toString() }

        then:
        first.tags*.name == ['A-tag', 'B-tag']
        second.tags*.name == ['B-tag', 'C-tag']
        same.tags*.name == ['B-tag', 'C-tag']
        tagged.size() == 2
        tagged[1].conversationTagged.addedTagIdsList == [c.toString()]
        tagged[1].conversationTagged.removedTagIdsList == [a.toString()]
        tagged.every { it.audience == Audience.AUDIENCE_AGENTS }
    }

    def 'a tag that is #problem is refused with 404 and nothing changes'() {
        given:
        def conversation = api.waitingConversation(site)
        def tagId = tag()
        def before = api.state(site)

        when:
        def reply = api.call('PUT', "${path(conversation)}/tags", supervisor.token, [tag_ids: [tagId.toString()]])

        then:
        reply.status == 404
        reply.body.error == 'tag_not_found'
        api.state(site) == before

        where:
        problem                  | tag
        'unknown'                | { UUID.randomUUID() }
        'deleted'                | { api.tagOf(site, 'Gone', true) }
        'another website’s'      | { api.tagOf(api.site(), 'Theirs') }
    }

    private String path(Map conversation) {
        "/v1/inbox/$site.id/conversations/$conversation.id"
    }

    private String lastLine(Map conversation) {
        api.sql("SELECT body FROM messages WHERE conversation_id = ? AND kind = 'SYSTEM' ORDER BY seq DESC LIMIT 1", [conversation.id])[0]?.body
    }
}
