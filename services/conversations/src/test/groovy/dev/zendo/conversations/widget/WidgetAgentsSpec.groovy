package dev.zendo.conversations.widget

import dev.zendo.conversations.ConversationsApi
import dev.zendo.events.v1.Envelope
import dev.zendo.testsupport.ServiceApi
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import static dev.zendo.conversations.ConversationsApi.expect

/** A widget session carries how far the agents have read the visitor's conversation, and the avatars of its agents. */
class WidgetAgentsSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    def 'a resumed session shows up to which seq the agents have read, so the read marks survive a reload'() {
        given:
        def site = api.site()
        def session = chat(site, 'Hello')
        def token = session.visitor_token as String
        expect(201, api.widget('POST', '/v1/widget/messages', token, [client_msg_id: 'c-2', body: 'Anyone?']))
        def fresh = expect(201, api.widgetSession(site, [visitor_token: token]))

        when:
        expect(200, agentReads(site, site.owner, session.conversation.id as String, 1))
        def afterOne = expect(201, api.widgetSession(site, [visitor_token: token]))
        def other = api.member(site, 'AGENT')
        api.assignDirectly(UUID.fromString(session.conversation.id as String), other.id)
        expect(200, agentReads(site, other, session.conversation.id as String, 2))
        expect(200, agentReads(site, site.owner, session.conversation.id as String, 1))
        def afterTwo = expect(201, api.widgetSession(site, [visitor_token: token]))

        then:
        fresh.conversation.agent_read_seq == 0
        afterOne.conversation.agent_read_seq == 1
        afterTwo.conversation.agent_read_seq == 2
    }

    def 'the visitor\'s own reads are no agent\'s reads'() {
        given:
        def site = api.site()
        def session = chat(site, 'Hello')
        def token = session.visitor_token as String

        when:
        expect(200, api.widget('POST', '/v1/widget/read', token, [seq: 1]))

        then:
        expect(201, api.widgetSession(site, [visitor_token: token])).conversation.agent_read_seq == 0
    }

    def 'another website\'s visitor sees neither the reads nor the agents of this website'() {
        given:
        def a = api.site()
        def b = api.site()
        api.sql('UPDATE replica_agents SET avatar_url = ? WHERE agent_id = ?', ['https://cdn.example/owner.png', a.owner.id])
        def ofA = chat(a, 'secret of A')
        expect(201, agentWrites(a, a.owner, ofA.conversation.id as String, 'Hi from A'))
        expect(200, agentReads(a, a.owner, ofA.conversation.id as String, 1))
        def ofB = chat(b, 'hello B')

        when:
        def stolen = expect(201, api.widgetSession(b, [visitor_token: ofA.visitor_token]))
        def own = expect(201, api.widgetSession(b, [visitor_token: ofB.visitor_token]))
        def ofAResumed = expect(201, api.widgetSession(a, [visitor_token: ofA.visitor_token]))

        then:
        stolen.conversation == null
        own.conversation.agent_read_seq == 0
        own.conversation.agents == []
        ofAResumed.conversation.agent_read_seq == 1
        ofAResumed.conversation.agents == [[id: a.owner.id, name: a.owner.name, avatar_url: 'https://cdn.example/owner.png']]
        !own.toString().contains('cdn.example')
    }

    def 'a session names the agents who wrote and the one assigned, with an avatar only when it is an http(s) URL: #avatar'() {
        given:
        def site = api.site()
        api.sql('UPDATE replica_agents SET avatar_url = ? WHERE agent_id = ?', [avatar, site.owner.id])
        def assigned = api.member(site, 'AGENT')
        def session = chat(site, 'Hello')
        expect(201, agentWrites(site, site.owner, session.conversation.id as String, 'Hi, how can I help?'))
        api.assignDirectly(UUID.fromString(session.conversation.id as String), assigned.id)

        when:
        def resumed = expect(201, api.widgetSession(site, [visitor_token: session.visitor_token]))

        then:
        resumed.conversation.agents == [[id: site.owner.id, name: site.owner.name] + (shown ? [avatar_url: shown] : [:]),
                                        [id: assigned.id, name: assigned.name]]

        where:
        avatar                             || shown
        'https://cdn.example/a.png'        || 'https://cdn.example/a.png'
        'http://cdn.example/a.png?s=64'    || 'http://cdn.example/a.png?s=64'
        'javascript:alert(1)'              || null
        'data:image/png;base64,AAAA'       || null
        '/relative/a.png'                  || null
        ''                                 || null
        null                               || null
    }

    def 'a widget looks up an agent of its website by id, for an agent who joins the chat live'() {
        given:
        def site = api.site()
        api.sql('UPDATE replica_agents SET avatar_url = ? WHERE agent_id = ?', ['https://cdn.example/owner.png', site.owner.id])
        def token = expect(201, api.widgetSession(site)).visitor_token as String

        expect:
        expect(200, api.widget('GET', "/v1/widget/agents/${site.owner.id}", token)) ==
                [id: site.owner.id, name: site.owner.name, avatar_url: 'https://cdn.example/owner.png']
    }

    def 'a widget cannot look up #who'() {
        given:
        def site = api.site()
        def other = api.site()
        def token = expect(201, api.widgetSession(site)).visitor_token as String
        def id = [another: other.owner.id, unknown: 'no-such-agent', nonMember: api.agent().id][which]

        when:
        def reply = api.widget('GET', "/v1/widget/agents/${URLEncoder.encode(id, 'UTF-8')}", token)

        then:
        reply.status == 404
        reply.body.status == 404
        reply.body.error == 'not_found'

        where:
        who                               | which
        'another website\'s agent'        | 'another'
        'an unknown id'                   | 'unknown'
        'an agent who is no member'       | 'nonMember'
    }

    def 'looking up an agent takes a visitor token of the website, from one of its origins'() {
        given:
        def site = api.site()
        def token = expect(201, api.widgetSession(site)).visitor_token as String
        def path = "/v1/widget/agents/${site.owner.id}".toString()

        expect:
        api.widget('GET', path, null).status == 401
        api.widget('GET', path, site.owner.token).status == 401
        api.widget('GET', path, token, null, 'https://evil.example').status == 403
    }

    /**
     * A new visitor's session with a first message, once the queue position of its thread has been announced (that
     * happens after the call answers; waiting keeps it out of later specs' fingerprints).
     */
    private Map chat(ConversationsApi.Site site, String body) {
        def session = expect(201, api.widgetSession(site, [first_message: [client_msg_id: UUID.randomUUID().toString(), body: body]]))
        new PollingConditions(timeout: 10).eventually {
            assert api.outboxEvents(site).any {
                it.payloadCase == Envelope.PayloadCase.QUEUE_POSITION_CHANGED && it.queuePositionChanged.threadId == session.conversation.thread_id
            }
        }
        session
    }

    private ServiceApi.Reply agentReads(ConversationsApi.Site site, ConversationsApi.Agent agent, String conversationId, long seq) {
        api.call('POST', "/v1/inbox/${site.id}/conversations/${conversationId}/read", agent.token, [seq: seq])
    }

    private ServiceApi.Reply agentWrites(ConversationsApi.Site site, ConversationsApi.Agent agent, String conversationId, String body) {
        api.call('POST', "/v1/inbox/${site.id}/conversations/${conversationId}/messages", agent.token,
                [client_msg_id: UUID.randomUUID().toString(), body: body])
    }
}
