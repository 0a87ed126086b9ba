package dev.zendo.realtimeedge

import dev.zendo.events.v1.Audience
import dev.zendo.events.v1.ConversationAccess
import dev.zendo.events.v1.ConversationAssigned
import dev.zendo.events.v1.ConversationOpened
import dev.zendo.events.v1.Envelope
import dev.zendo.events.v1.TagChanged
import dev.zendo.realtimeedge.support.EdgeSpec

/**
 * Every recipient gets exactly what it may read: a mixed stream of a website's events goes through Kafka and each
 * kind of client is checked for the exact events it received.
 */
class AudienceSpec extends EdgeSpec {

    def 'a mixed stream reaches every recipient exactly as the audience rules say'() {
        given: 'a website with two visitors, an owner, a viewer and two agents of the limited agent role'
        UUID websiteId = website()
        UUID visitor1 = UUID.randomUUID(), visitor2 = UUID.randomUUID()
        UUID conversation1 = UUID.randomUUID(), conversation2 = UUID.randomUUID()
        String owner = 'owner-1', viewer = 'viewer-1', agentA = 'agent-a', agentB = 'agent-b'
        def clients = [
                visitor1: subscribed(visitorToken(visitor1, websiteId), websiteId),
                visitor2: subscribed(visitorToken(visitor2, websiteId), websiteId),
                owner   : subscribed(ticket(owner, [(websiteId): 'owner']), websiteId),
                viewer  : subscribed(ticket(viewer, [(websiteId): 'viewer']), websiteId),
                agentA  : subscribed(ticket(agentA, [(websiteId): 'agent']), websiteId),
                agentB  : subscribed(ticket(agentB, [(websiteId): 'agent']), websiteId)]
        Map<String, List<String>> expected = clients.collectEntries { [(it.key): []] }

        and: 'the stream, keyed by the website so that it is one ordered partition'
        def send = { Envelope event, List<String> recipients ->
            publish("zendo.site.${websiteId}", websiteId.toString(), event)
            recipients.each { expected[it] << event.eventId }
        }
        def queued = ConversationAccess.newBuilder().setQueued(true).build()
        def assignedToA = ConversationAccess.newBuilder().setAssigneeId(agentA).setWasQueued(true).build()
        def withA = ConversationAccess.newBuilder().setAssigneeId(agentA).build()
        def movedToB = ConversationAccess.newBuilder().setAssigneeId(agentB).setPreviousAssigneeId(agentA).addParticipantIds(agentA).build()
        def ofB = ConversationAccess.newBuilder().setAssigneeId(agentB).build()

        when:
        send(opened(websiteId, conversation1, visitor1, queued), ['visitor1', 'owner', 'viewer', 'agentA', 'agentB'])
        send(message(websiteId, conversation1, visitor1, 1, Audience.AUDIENCE_CONVERSATION, queued), ['visitor1', 'owner', 'viewer', 'agentA', 'agentB'])
        send(message(websiteId, conversation1, visitor1, 2, Audience.AUDIENCE_AGENTS, queued), ['owner', 'viewer', 'agentA', 'agentB'])
        send(assigned(websiteId, conversation1, visitor1, assignedToA), ['visitor1', 'owner', 'viewer', 'agentA', 'agentB'])
        send(message(websiteId, conversation1, visitor1, 3, Audience.AUDIENCE_CONVERSATION, withA), ['visitor1', 'owner', 'viewer', 'agentA'])
        send(message(websiteId, conversation1, visitor1, 4, Audience.AUDIENCE_AGENTS, withA), ['owner', 'viewer', 'agentA'])
        send(message(websiteId, conversation2, visitor2, 1, Audience.AUDIENCE_CONVERSATION, ofB), ['visitor2', 'owner', 'viewer', 'agentB'])
        send(message(websiteId, conversation2, visitor2, 2, Audience.AUDIENCE_AGENTS, ofB), ['owner', 'viewer', 'agentB'])
        send(message(websiteId, conversation2, visitor2, 3, Audience.AUDIENCE_SERVICES, ofB), [])
        send(message(websiteId, conversation2, visitor2, 4, Audience.AUDIENCE_CONNECTION, ofB).toBuilder()
                .setConnectionId('edge-spec/999999').build(), [])
        send(message(websiteId, conversation1, visitor1, 5, Audience.AUDIENCE_CONVERSATION, ConversationAccess.getDefaultInstance()),
                ['visitor1', 'owner', 'viewer'])
        send(assigned(websiteId, conversation1, visitor1, movedToB), ['visitor1', 'owner', 'viewer', 'agentA', 'agentB'])
        send(message(websiteId, conversation1, visitor1, 6, Audience.AUDIENCE_CONVERSATION, movedToB), ['visitor1', 'owner', 'viewer', 'agentA', 'agentB'])
        send(message(websiteId, conversation2, visitor2, 5, Audience.AUDIENCE_CONVERSATION, ofB), ['visitor2', 'owner', 'viewer', 'agentB'])
        send(tagChanged(websiteId), ['owner', 'viewer', 'agentA', 'agentB'])

        then: 'each client got exactly its events, in order, and nothing else (presence aside: agents announce each other)'
        conditions.eventually {
            clients.each { name, client ->
                assert [name, client.events().findAll { !it.type.startsWith('agent:') }*.event_id] == [name, expected[name]]
            }
        }
        ['visitor1', 'visitor2'].every { clients[it].events().every { !it.type.startsWith('agent:') } }
    }

    def 'an event frame carries its type, ids, seq, time, cursor and the payload in the protobuf JSON mapping'() {
        given:
        UUID websiteId = website()
        UUID visitorId = UUID.randomUUID(), conversationId = UUID.randomUUID()
        def client = subscribed(ticket('owner-2', [(websiteId): 'owner']), websiteId)
        Envelope event = message(websiteId, conversationId, visitorId, 7)

        when:
        publish(event)

        then:
        conditions.eventually {
            assert client.messages().size() == 1
        }
        with(client.messages()[0]) {
            type == 'message:new'
            event_id == event.eventId
            website_id == websiteId.toString()
            conversation_id == conversationId.toString()
            seq == 7
            occurred_at ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/
            cursor instanceof String
            data.conversation_id == conversationId.toString()
            data.seq == '7'
            data.body == 'message 7'
        }
    }

    private static Envelope opened(UUID websiteId, UUID conversationId, UUID visitorId, ConversationAccess access) {
        Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setType('conversation.opened')
                .setWebsiteId(websiteId.toString()).setConversationId(conversationId.toString()).setVisitorId(visitorId.toString())
                .setAudience(Audience.AUDIENCE_CONVERSATION).setOccurredAt(now()).setAccess(access)
                .setConversationOpened(ConversationOpened.newBuilder().setConversationId(conversationId.toString())
                        .setVisitorId(visitorId.toString())).build()
    }

    private static Envelope assigned(UUID websiteId, UUID conversationId, UUID visitorId, ConversationAccess access) {
        Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setType('conversation.assigned')
                .setWebsiteId(websiteId.toString()).setConversationId(conversationId.toString()).setVisitorId(visitorId.toString())
                .setAudience(Audience.AUDIENCE_CONVERSATION).setOccurredAt(now()).setAccess(access)
                .setConversationAssigned(ConversationAssigned.newBuilder().setConversationId(conversationId.toString())
                        .setAgentId(access.assigneeId).setPreviousAgentId(access.previousAssigneeId)).build()
    }

    private static Envelope tagChanged(UUID websiteId) {
        Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setType('tag.changed')
                .setWebsiteId(websiteId.toString()).setAudience(Audience.AUDIENCE_AGENTS).setOccurredAt(now())
                .setTagChanged(TagChanged.newBuilder().setTagId(UUID.randomUUID().toString()).setName('vip')).build()
    }
}
