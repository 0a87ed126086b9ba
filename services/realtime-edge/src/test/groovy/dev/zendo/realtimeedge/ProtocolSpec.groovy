package dev.zendo.realtimeedge

import dev.zendo.events.v1.ConversationAccess
import dev.zendo.platform.kafka.TopicProvisioner
import dev.zendo.realtimeedge.commands.TopicEvents
import dev.zendo.realtimeedge.support.EdgeSpec
import dev.zendo.realtimeedge.support.RawWebSocket

/** Client frames are validated, limited and answered as docs/protocol.md says, and reach presence, typing and commands. */
class ProtocolSpec extends EdgeSpec {

    Map<String, Object> settings() {
        ['zendo.realtime.rate-frames-per-second': '5', 'zendo.realtime.rate-burst': '10',
         'zendo.realtime.idle-timeout'          : '2s', 'zendo.realtime.heartbeat-interval': '500ms',
         'zendo.realtime.sweep-interval'        : '100ms']
    }

    def 'a #kind closes the socket with 4400'() {
        given:
        def client = authenticated(ticket('agent-p', [(website()): 'owner']))

        when:
        send.call(client)

        then:
        conditions.eventually {
            assert client.closeCode() == 4400
        }

        where:
        kind                       | send
        'binary frame'             | { it.sendBinary([1, 2, 3] as byte[]) }
        'frame larger than 16 KB'  | { it.send([type: 'ping', ref: 'x' * 17_000]) }
    }

    def 'a text frame that is not UTF-8 closes the socket with 4400'() {
        given:
        RawWebSocket socket = RawWebSocket.open(port)

        when: 'a brace, a lead byte without its continuation, a brace'
        socket.sendText([0x7b, 0xc3, 0x28, 0x7d] as byte[])

        then:
        socket.closeCode() == 4400

        cleanup:
        socket?.close()
    }

    def 'a bad frame is answered with an error and the socket stays open: #text'() {
        given:
        def client = authenticated(ticket('agent-q', [(website()): 'owner']))

        when:
        client.sendText(text)
        client.send([type: 'ping', ref: 'after'])

        then:
        conditions.eventually {
            assert client.ofType('pong')*.ref == ['after']
        }
        client.ofType('error')*.code == [code]
        client.closeCode() == null

        where:
        text                                                   | code
        'not json'                                             | 'bad_frame'
        '[1, 2]'                                               | 'bad_frame'
        '{"type": "ping"} trailing'                            | 'bad_frame'
        '{type: "ping"}'                                       | 'bad_frame'
        '{"ref": "r"}'                                         | 'bad_frame'
        '{"type": "dance"}'                                    | 'unknown_type'
        '{"type": "subscribe", "website_id": "not-a-uuid"}'    | 'bad_frame'
        '{"type": "subscribe", "website_id": 12}'              | 'bad_frame'
        '{"type": "typing", "conversation_id": "' + UUID.randomUUID() + '"}'             | 'bad_frame'
        '{"type": "read", "conversation_id": "' + UUID.randomUUID() + '", "seq": 0}'     | 'bad_frame'
        '{"type": "read", "conversation_id": "' + UUID.randomUUID() + '", "seq": "1"}'   | 'bad_frame'
        '{"type": "presence", "status": "busy"}'               | 'bad_frame'
        '{"type": "unsubscribe", "website_id": "' + UUID.randomUUID() + '"}'             | 'not_subscribed'
        '{"type": "subscribe", "website_id": "' + UUID.randomUUID() + '"}'               | 'forbidden'
    }

    def 'a visitor may subscribe to its own website only and may not set presence'() {
        given:
        UUID websiteId = website()
        def client = authenticated(visitorToken(UUID.randomUUID(), websiteId))

        when:
        client.send([type: 'subscribe', website_id: website().toString(), ref: 'other'])
        client.send([type: 'presence', status: 'away', ref: 'away'])
        client.send([type: 'subscribe', ref: 'own'])

        then:
        conditions.eventually {
            assert client.ofType('subscribed')*.website_id == [websiteId.toString()]
        }
        client.ofType('error').collect { [it.code, it.ref] } == [['forbidden', 'other'], ['forbidden', 'away']]
    }

    def 'more frames than the rate limit allows close the socket with 4429'() {
        given:
        def client = authenticated(ticket('agent-r', [(website()): 'owner']))

        when:
        int sent = (1..30).takeWhile { client.trySend([type: 'ping']) }.size()

        then:
        conditions.eventually {
            assert client.closeCode() == 4429
        }
        sent > 10
    }

    def 'a quiet socket gets heartbeats, a socket that sends nothing is closed as idle with 4000'() {
        given:
        UUID websiteId = website()
        def client = authenticated(ticket('agent-h', [(websiteId): 'owner']))

        expect:
        conditions.eventually {
            assert client.ofType('heartbeat').size() >= 1
        }
        client.ofType('heartbeat')[0].cursors == [:]

        when:
        client.send([type: 'subscribe', website_id: websiteId.toString()])

        then:
        conditions.eventually {
            assert client.ofType('heartbeat').any { it.cursors[websiteId.toString()] != null }
            assert client.closeCode() == 4000
        }
    }

    def 'ping is answered with pong and the cursors of subscribed websites'() {
        given:
        UUID websiteId = website()
        def client = subscribed(ticket('agent-g', [(websiteId): 'owner']), websiteId)

        when:
        client.send([type: 'ping', ref: 'p1'])

        then:
        conditions.eventually {
            assert client.ofType('pong')*.ref == ['p1']
        }
        client.ofType('pong')[0].cursors.keySet() == [websiteId.toString()] as Set
        client.ofType('pong')[0].cursors[websiteId.toString()] ==~ /[A-Za-z0-9_-]+/
    }

    def 'typing, read and presence frames from those allowed reach the website topic and the commands topic'() {
        given:
        UUID websiteId = website()
        UUID visitorId = UUID.randomUUID(), conversationId = UUID.randomUUID(), unknownConversation = UUID.randomUUID()
        def owner = subscribed(ticket('owner-x', [(websiteId): 'owner']), websiteId)
        def viewer = subscribed(ticket('viewer-x', [(websiteId): 'viewer']), websiteId)
        def limited = subscribed(ticket('agent-x', [(websiteId): 'agent']), websiteId)
        def visitor = subscribed(visitorToken(visitorId, websiteId), websiteId)
        publish(message(websiteId, conversationId, visitorId, 1, dev.zendo.events.v1.Audience.AUDIENCE_CONVERSATION,
                ConversationAccess.newBuilder().setAssigneeId('someone-else').build()))
        conditions.eventually {
            assert visitor.events().size() == 1
        }
        def commands = new TopicEvents(context.getBean(TopicProvisioner), 'zendo.realtime.commands')

        when:
        visitor.send([type: 'typing', conversation_id: conversationId.toString(), typing: true])
        visitor.send([type: 'typing', conversation_id: unknownConversation.toString(), typing: true])
        owner.send([type: 'typing', conversation_id: conversationId.toString(), typing: true])
        viewer.send([type: 'typing', conversation_id: conversationId.toString(), typing: true])
        limited.send([type: 'typing', conversation_id: conversationId.toString(), typing: true])
        visitor.send([type: 'read', conversation_id: conversationId.toString(), seq: 1])
        owner.send([type: 'read', conversation_id: conversationId.toString(), seq: 1])
        owner.send([type: 'presence', status: 'away'])

        then: 'only the visitor of the conversation and the owner may type; the viewer and the agent who cannot see it may not'
        conditions.eventually {
            assert owner.ofType('typing:start').collect { [it.conversation_id, it.data.participant.id] } as Set ==
                    [[conversationId.toString(), visitorId.toString()], [conversationId.toString(), 'owner-x']] as Set
            assert presenceOf(owner, 'owner-x').last() == 'agent:away'
            assert commands.read().findAll { it.event.conversationId == conversationId.toString() }
                    .collect { [it.event.websiteId, it.event.readRequested.reader.id, it.event.readRequested.seq] } as Set ==
                    [[websiteId.toString(), visitorId.toString(), 1L], [websiteId.toString(), 'owner-x', 1L]] as Set
        }
        owner.ofType('typing:start').size() == 2

        cleanup:
        commands?.close()
    }
}
