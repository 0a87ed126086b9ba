package dev.zendo.conversations.events

import dev.zendo.conversations.ConversationsApi
import dev.zendo.events.v1.Envelope
import dev.zendo.testsupport.ServiceApi
import spock.lang.Shared
import spock.lang.Specification

import static dev.zendo.conversations.ConversationsApi.expect
import static dev.zendo.events.v1.Envelope.PayloadCase.CONVERSATION_ASSIGNED
import static dev.zendo.events.v1.Envelope.PayloadCase.CONVERSATION_CLOSED
import static dev.zendo.events.v1.Envelope.PayloadCase.CONVERSATION_OPENED
import static dev.zendo.events.v1.Envelope.PayloadCase.CONVERSATION_REOPENED
import static dev.zendo.events.v1.Envelope.PayloadCase.CONVERSATION_TAGGED
import static dev.zendo.events.v1.Envelope.PayloadCase.MESSAGE_CREATED
import static dev.zendo.events.v1.Envelope.PayloadCase.QUEUE_POSITION_CHANGED
import static dev.zendo.events.v1.Envelope.PayloadCase.READ_UP_TO
import static dev.zendo.events.v1.Envelope.PayloadCase.TAG_CHANGED

/**
 * Every conversation event carries {@code Envelope.access}, who may see the conversation once the event happened (and
 * just before, for the events that may take it from an agent's sight), exactly as the agent REST API decides it: the
 * realtime edge delivers to a limited agent only what that agent could GET.
 */
class EventAccessSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    @Shared
    ConversationsApi.Site site = api.site()

    @Shared
    ConversationsApi.Agent boss = site.owner

    @Shared
    ConversationsApi.Agent ana = api.member(site, 'AGENT', 100)

    @Shared
    ConversationsApi.Agent bob = api.member(site, 'AGENT', 100)

    @Shared
    UUID tag = api.tagOf(site)

    def 'each kind of event of a conversation carries its access after the event, and before it where it changed'() {
        given: 'a visitor waiting in the default group'
        def c = api.waitingConversation(site)
        def group = site.groupId.toString()
        def queued = [assignee: '', queued: true, participants: [], group: group, previous: '', wasQueued: false]

        expect: 'the new thread, the visitor message and the queue position: queued, nobody assigned'
        access(c, CONVERSATION_OPENED) == queued
        access(c, MESSAGE_CREATED) == queued
        access(c, QUEUE_POSITION_CHANGED) == queued

        when: 'Ana takes it'
        act(200, ana, 'POST', c, '/assign', [agent_id: ana.id])

        then: 'the assignment says it left the queue; the system line that follows is plain'
        access(c, CONVERSATION_ASSIGNED) == [assignee: ana.id, queued: false, participants: [], group: group, previous: '', wasQueued: true]
        access(c, MESSAGE_CREATED) == [assignee: ana.id, queued: false, participants: [], group: group, previous: '', wasQueued: false]

        when: 'Ana replies and the boss writes a note'
        act(201, ana, 'POST', c, '/messages', [body: 'Hello!'])
        def afterReply = access(c, MESSAGE_CREATED)
        act(201, boss, 'POST', c, '/messages', [body: 'VIP customer', kind: 'note'])

        then: 'each message counts its author among the participants'
        afterReply.participants == [ana.id]
        access(c, MESSAGE_CREATED).participants == [ana.id, boss.id].sort()

        when: 'the boss transfers it to Bob'
        act(200, boss, 'POST', c, '/assign', [agent_id: bob.id])

        then: 'the transfer names Ana as the previous assignee'
        access(c, CONVERSATION_ASSIGNED) == [assignee: bob.id, queued: false, participants: [ana.id, boss.id].sort(), group: group,
                                             previous: ana.id, wasQueued: false]

        when: 'Bob tags it and reads it'
        act(200, bob, 'PUT', c, '/tags', [tag_ids: [tag.toString()]])
        act(200, bob, 'POST', c, '/read', [seq: 1])

        then:
        access(c, CONVERSATION_TAGGED) == [assignee: bob.id, queued: false, participants: [ana.id, boss.id].sort(), group: group, previous: '', wasQueued: false]
        access(c, READ_UP_TO) == access(c, CONVERSATION_TAGGED)

        when: 'the boss sends it back to the group queue'
        act(200, boss, 'POST', c, '/assign', [group_id: group])

        then: 'it is queued again, and Bob is named as the one who had it'
        access(c, CONVERSATION_ASSIGNED) == [assignee: '', queued: true, participants: [ana.id, boss.id].sort(), group: group,
                                             previous: bob.id, wasQueued: false]

        when: 'Bob takes it and closes it'
        act(200, bob, 'POST', c, '/assign', [agent_id: bob.id])
        act(200, bob, 'POST', c, '/close', [reason: 'Done'])

        then: 'a closed conversation stays its last assignee’s'
        access(c, CONVERSATION_CLOSED) == [assignee: bob.id, queued: false, participants: [ana.id, boss.id].sort(), group: group,
                                           previous: bob.id, wasQueued: false]

        when: 'the boss reopens it'
        act(200, boss, 'POST', c, '/reopen')

        then: 'the reopening agent has it now'
        access(c, CONVERSATION_REOPENED) == [assignee: boss.id, queued: false, participants: [ana.id, boss.id].sort(), group: group,
                                             previous: bob.id, wasQueued: false]
    }

    def 'closing a waiting conversation takes it out of the queue'() {
        given:
        def c = api.waitingConversation(site)

        when:
        act(200, boss, 'POST', c, '/close')

        then:
        access(c, CONVERSATION_CLOSED) == [assignee: '', queued: false, participants: [], group: site.groupId.toString(), previous: '', wasQueued: true]
    }

    def 'a website-level event carries no access'() {
        when:
        expect(201, api.call('POST', "/v1/inbox/$site.id/tags", boss.token, [name: 'Billing', color: '#abc']))

        then:
        def changed = api.outboxEvents(site).findAll { it.payloadCase == TAG_CHANGED }
        !changed.empty
        changed.every { !it.hasConversationId() && !it.hasAccess() }
    }

    def 'a limited agent may GET a conversation exactly when its access says so (#state)'() {
        given: 'a waiting conversation, brought into the state by the owner and the agents'
        def c = api.waitingConversation(site)
        steps.call(c)

        when:
        def latest = api.outboxEvents(site).findAll { it.conversationId == c.id.toString() }.last()
        def visible = latest.access.queued || latest.access.assigneeId == ana.id || ana.id in latest.access.participantIdsList
        def status = request(ana, 'GET', c, '').status

        then:
        visible == expected
        status == (expected ? 200 : 403)

        where:
        state                                   | expected | steps
        'queued'                                | true     | { }
        'assigned to me'                        | true     | { conversation -> act(200, ana, 'POST', conversation, '/assign', [agent_id: ana.id]) }
        'assigned to another'                   | false    | { conversation -> act(200, boss, 'POST', conversation, '/assign', [agent_id: bob.id]) }
        'assigned to another, I wrote in it'    | true     | { conversation -> act(201, ana, 'POST', conversation, '/messages', [body: 'On it']); act(200, boss, 'POST', conversation, '/assign', [agent_id: bob.id]) }
        'assigned to another, I wrote a note'   | true     | { conversation -> act(201, ana, 'POST', conversation, '/messages', [body: 'Hm', kind: 'note']); act(200, boss, 'POST', conversation, '/assign', [agent_id: bob.id]) }
        'closed while queued'                   | false    | { conversation -> act(200, boss, 'POST', conversation, '/close') }
        'closed, it was mine'                   | true     | { conversation -> act(200, ana, 'POST', conversation, '/assign', [agent_id: ana.id]); act(200, ana, 'POST', conversation, '/close') }
        'closed, it was another’s'              | false    | { conversation -> act(200, boss, 'POST', conversation, '/assign', [agent_id: bob.id]); act(200, bob, 'POST', conversation, '/close') }
        'taken back from me to the queue'       | true     | { conversation -> act(200, ana, 'POST', conversation, '/assign', [agent_id: ana.id]); act(200, boss, 'POST', conversation, '/assign', [group_id: site.groupId.toString()]) }
        'reopened by the boss'                 | false    | { conversation -> act(200, boss, 'POST', conversation, '/close'); act(200, boss, 'POST', conversation, '/reopen') }
    }

    /** The access of the latest event of {@code kind} in the conversation, as plain values. */
    private Map access(Map c, Envelope.PayloadCase kind) {
        def event = api.outboxEvents(site).findAll { it.conversationId == c.id.toString() && it.payloadCase == kind }.last()
        assert event.hasAccess()
        def a = event.access
        [assignee: a.assigneeId, queued: a.queued, participants: a.participantIdsList as List, group: a.groupId,
         previous: a.previousAssigneeId, wasQueued: a.wasQueued]
    }

    /** {@code agent} calls {@code action} of the conversation; the answer must have {@code status}. */
    private void act(int status, ConversationsApi.Agent agent, String method, Map c, String action, Map body = null) {
        expect(status, request(agent, method, c, action, body))
    }

    private ServiceApi.Reply request(ConversationsApi.Agent agent, String method, Map c, String action, Map body = null) {
        api.call(method, "/v1/inbox/$site.id/conversations/$c.id$action", agent.token, body)
    }
}
