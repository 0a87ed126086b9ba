package dev.zendo.system

import dev.zendo.system.realtime.EdgeClient
import dev.zendo.system.realtime.GatewayApi
import groovy.json.JsonSlurperClassic
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.util.concurrent.PollingConditions

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.ThreadLocalRandom

import static dev.zendo.system.realtime.GatewayApi.bearer

/**
 * The realtime edge on the whole stack with two edge nodes and two conversations instances: a visitor and two agents
 * on different nodes chat both ways over REST and receive over WebSockets; edge node 1 is killed with SIGKILL
 * mid-stream and its clients resume on node 2 from their cursors. Writes the event age at delivery (p50, p99) to
 * target/realtime-system.md.
 */
@Stepwise
class RealtimeSystemSpec extends Specification {

    static final String ORIGIN = 'https://shop.example.com'
    static final String NODE_1 = 'realtime-edge'
    static final String NODE_2 = 'realtime-edge-2'
    static final Path REPORT = Path.of('target/realtime-system.md')

    @Shared LocalStack stack
    @Shared GatewayApi api
    @Shared PollingConditions within30s = new PollingConditions(timeout: 30, delay: 0.1)

    @Shared String websiteId
    @Shared Map websiteOwner
    @Shared Map admin
    @Shared Map session
    @Shared Map otherSession
    @Shared String conversationId

    @Shared EdgeClient visitor
    @Shared EdgeClient otherVisitor
    @Shared EdgeClient agentA
    @Shared EdgeClient agentB

    /** Every message posted, in order: id, and whether it is an internal note. */
    @Shared List<Map> posted = []

    def setupSpec() {
        stack = LocalStack.shared()
        api = new GatewayApi(stack.gatewayUrl)
        websiteOwner = signUp('websiteOwner')
        def website = api.json('POST', '/v1/websites', [name: 'Realtime system test', domains: ['shop.example.com'], allowed_origins: [ORIGIN]],
                bearer(websiteOwner.token))
        websiteId = website.id
        admin = verified(signUp('admin'))
        def invitation = api.json('POST', "/v1/websites/${websiteId}/invitations", [email: admin.email, role: 'admin'], bearer(websiteOwner.token))
        api.json('POST', '/v1/invitations/accept', [token: invitation.token], bearer(admin.token))
        session = widgetSession(website.public_key as String)
        otherSession = widgetSession(website.public_key as String)
    }

    def cleanupSpec() {
        [visitor, otherVisitor, agentA, agentB].findAll().each { it.close() }
        // Brings the killed node back, so the specs after this one find the whole stack running.
        stack?.run('up.sh')
    }

    def 'a visitor and an agent on node 1, another agent and another visitor on node 2, each authenticated and subscribed'() {
        given:
        visitor = new EdgeClient('visitor', { session.visitor_token as String }, ORIGIN)
        otherVisitor = new EdgeClient('other visitor', { otherSession.visitor_token as String }, ORIGIN)
        agentA = new EdgeClient('agent A', { ticket(websiteOwner) }, null)
        agentB = new EdgeClient('agent B', { ticket(admin) }, null)
        // Everyone starts at the cursor of the visitor's widget session, so nothing after it can be missed.
        [visitor, agentA, agentB].each { it.startFrom(websiteId, session.realtime.cursor as String) }
        otherVisitor.startFrom(websiteId, otherSession.realtime.cursor as String)

        when:
        connect(visitor, NODE_1)
        connect(agentA, NODE_1)
        connect(otherVisitor, NODE_2)

        then:
        within30s.eventually {
            [visitor, agentA, otherVisitor].each { assertSubscribed(it) }
        }
        visitor.frames('ready').first().role == 'visitor'
        agentA.frames('ready').first().role == 'agent'
        visitor.frames('ready').first().node != otherVisitor.frames('ready').first().node
    }

    def "agent B coming online on node 2 is announced to agent A on node 1"() {
        when:
        connect(agentB, NODE_2)

        then:
        within30s.eventually {
            assertSubscribed(agentB)
            assert agentA.frames('agent:online').any { it.data.agent_id == admin.id }
        }
        agentB.frames('ready').first().node == otherVisitor.frames('ready').first().node

        and: 'presence is for agents only'
        [visitor, otherVisitor].every { it.frames('agent:online').isEmpty() }
    }

    def 'the visitor and both agents chat both ways, and an internal note reaches only the agents'() {
        when:
        visitorSays('Hello, is anyone there?')
        agentSays(websiteOwner, 'Hi! How can I help?')
        agentSays(admin, 'I am here too.')
        visitorSays('My order has not arrived.')
        agentSays(websiteOwner, 'Let me check.', 'note')
        agentSays(websiteOwner, 'It ships tomorrow.')
        agentSays(admin, 'Anything else?')

        then:
        within30s.eventually {
            [agentA, agentB, visitor].each { assertHasEveryMessage(it) }
        }

        and:
        !visitor.frames('message:new').any { it.data.message_id in notes() }
    }

    def "the visitor's typing reaches both agents and never another visitor"() {
        when:
        visitor.typing(conversationId, true)

        then:
        within30s.eventually {
            [agentA, agentB].each { agent ->
                assert agent.frames('typing:start').any { it.conversation_id == conversationId }
            }
        }
        otherVisitor.frames('typing:start').isEmpty()
        otherVisitor.frames.every { it.conversation_id != conversationId }
    }

    def 'after node 1 is killed mid-stream its clients resume on node 2 from their cursors and every participant has every message once, in seq order'() {
        when: 'a burst is posted and node 1 is killed while it is delivered'
        visitorSays('Can I change the address?')
        agentSays(websiteOwner, 'Yes, which one?')
        agentSays(admin, 'I can do it.')
        kill(stack.pidOf(NODE_1))

        and: 'the chat goes on while node 1 clients are cut off'
        visitorSays('12 Main Street.')
        agentSays(admin, 'Done.', 'note')
        agentSays(websiteOwner, 'Changed it.')
        within30s.eventually {
            assert !visitor.ping() && !agentA.ping()
        }

        and: 'they resume on node 2 and the chat continues'
        visitor.resume(stack.edgeWebSocketUrl(NODE_2))
        agentA.resume(stack.edgeWebSocketUrl(NODE_2))
        within30s.eventually {
            [visitor, agentA].each { assertSubscribed(it) }
        }
        visitorSays('Thank you!')
        agentSays(websiteOwner, 'You are welcome.')

        then:
        within30s.eventually {
            [agentA, agentB, visitor].each { assertHasEveryMessage(it) }
        }
        [agentA, agentB, visitor].each { assertInSeqOrderOnce(it) }
        !visitor.frames('message:new').any { it.data.message_id in notes() }
        otherVisitor.frames.every { it.conversation_id != conversationId }

        cleanup:
        report()
    }

    /** Connects to a node directly (so the placement is certain), within 30 s: an edge answering no WebSocket fails here. */
    private void connect(EdgeClient client, String node) {
        within30s.eventually {
            client.connect(stack.edgeWebSocketUrl(node))
        }
        client.subscribe(websiteId)
    }

    /** The client's current socket is open, authenticated and subscribed, without an error so far. */
    private static void assertSubscribed(EdgeClient client) {
        assert client.ending == null: "${client}'s socket ended: ${client.ending}; frames: ${client.frames}"
        assert client.frames('error').isEmpty(): "${client} got errors: ${client.frames('error')}"
        assert client.currentFrames('ready'): "${client} got no ready frame on its socket: ${client.frames}"
        assert client.currentFrames('subscribed'): "${client} got no subscribed frame on its socket: ${client.frames}"
    }

    /** The ids of the posted messages (not the service's system lines) of the conversation a client got, each once. */
    private Set<String> messageIds(EdgeClient client) {
        client.frames('message:new')
                .findAll { it.conversation_id == conversationId && it.data.kind != 'MESSAGE_KIND_SYSTEM' }
                .collect { it.data.message_id as String } as Set
    }

    private void assertHasEveryMessage(EdgeClient client) {
        def expected = posted.findAll { client != visitor || !it.note }*.id as Set
        assert messageIds(client) == expected: "${client} is missing ${expected - messageIds(client)} and has ${messageIds(client) - expected}"
    }

    /** After dropping repeated event ids (a resume may repeat an event), each message once and seqs increasing. */
    private void assertInSeqOrderOnce(EdgeClient client) {
        def frames = client.frames('message:new').findAll { it.conversation_id == conversationId }
        def distinct = frames.unique(false) { it.event_id }
        def seqs = distinct.collect { it.seq as long }
        assert distinct*.data*.message_id.unique(false) == distinct*.data*.message_id: "${client} got a message under two event ids"
        assert seqs == seqs.sort(false): "${client} got messages out of seq order: ${seqs}"
    }

    private Set<String> notes() {
        posted.findAll { it.note }*.id as Set
    }

    private void visitorSays(String text) {
        def message = api.json('POST', '/v1/widget/messages', [client_msg_id: UUID.randomUUID().toString(), body: text],
                bearer(session.visitor_token as String) + [Origin: ORIGIN])
        conversationId = message.conversation_id
        posted << [id: message.id, note: false]
    }

    /** Posts as an agent; the admin's membership reaches conversations over Kafka (client_msg_id makes retries safe). */
    private void agentSays(Map agent, String text, String kind = 'text') {
        def message = api.jsonOnceKnown('POST', "/v1/inbox/${websiteId}/conversations/${conversationId}/messages",
                [client_msg_id: UUID.randomUUID().toString(), body: text, kind: kind], bearer(agent.token as String))
        posted << [id: message.id, note: kind == 'note']
    }

    private Map signUp(String role) {
        def email = "${role}-${ThreadLocalRandom.current().nextInt(1_000_000_000)}@example.com".toString()
        def answer = api.json('POST', '/v1/auth/signup', [email: email, password: 'realtime-system-password', name: "Agent ${role}"])
        [email: email, token: answer.access_token, id: answer.agent.id]
    }

    /**
     * {@code agent} after following the verification link mailed to them (an invitation is accepted only with a
     * verified email), with a new access token that says so.
     */
    private Map verified(Map agent) {
        new PollingConditions(timeout: 30, delay: 0.2).eventually {
            assert verificationToken(agent.email as String) != null
        }
        api.json('POST', '/v1/auth/email-verification/confirm', [token: verificationToken(agent.email as String)])
        def login = api.json('POST', '/v1/auth/login', [email: agent.email, password: 'realtime-system-password'])
        agent + [token: login.access_token]
    }

    /** The token of the verification link in the mail GreenMail caught for {@code email}; null before it arrives. */
    private String verificationToken(String email) {
        def mailbox = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "${stack.mailApiUrl}/api/user/${email}/messages/INBOX")).build(), HttpResponse.BodyHandlers.ofString())
        def raw = mailbox.statusCode() == 200 ? new JsonSlurperClassic().parseText(mailbox.body())*.mimeMessage.join('\n') : ''
        def link = raw.replaceAll(/=\r?\n/, '').replace('=3D', '=') =~ /verify-email#token=([A-Za-z0-9_-]+)/
        link.find() ? link.group(1) : null
    }

    private String ticket(Map agent) {
        api.json('POST', '/v1/realtime/tickets', [:], bearer(agent.token as String)).ticket
    }

    /** A widget session from an allowed origin, once conversations has learnt of the new website over Kafka. */
    private Map widgetSession(String publicKey) {
        api.jsonOnceKnown('POST', '/v1/widget/session', [public_key: publicKey, page: [url: "${ORIGIN}/orders".toString()]], [Origin: ORIGIN]) as Map
    }

    private static void kill(long pid) {
        def process = ProcessHandle.of(pid).orElseThrow { new IllegalStateException("edge node 1 (pid ${pid}) is not running") }
        // SIGKILL on Unix: the node gets no chance to drain or say goodbye.
        process.destroyForcibly()
        new PollingConditions(timeout: 10).eventually { assert !process.alive }
    }

    /** Prints the event age at delivery of every message:new frame received, and writes it to target/realtime-system.md. */
    private void report() {
        def ages = [visitor, agentA, agentB].findAll().collectMany { it.messageAgesMillis }.sort()
        if (ages.isEmpty()) {
            return
        }
        def duplicates = [visitor, agentA, agentB].findAll().collectEntries { client ->
            def frames = client.frames('message:new')
            [client.name, frames.size() - frames*.event_id.unique(false).size()]
        }
        def text = """# Realtime system test

Two edge nodes and two conversations instances; a visitor and two agents on different nodes; edge node 1 killed
with SIGKILL mid-stream, its clients resumed on node 2 from their cursors.

| | value |
| --- | --- |
| message:new frames received | ${ages.size()} |
| event age at delivery, p50 | ${percentile(ages, 0.50)} ms |
| event age at delivery, p99 | ${percentile(ages, 0.99)} ms |
| event age at delivery, max | ${ages.last()} ms |
| repeated events after resume (by client) | ${duplicates.collect { name, count -> "${name}: ${count}" }.join(', ')} |

Event age: the client's clock at arrival minus the event's occurred_at (REST call to the socket, through the
outbox, Kafka and the edge); the frames replayed after the resume count with the time they waited.
"""
        Files.createDirectories(REPORT.parent)
        Files.writeString(REPORT, text)
        println(text)
    }

    private static long percentile(List<Long> sorted, double quantile) {
        sorted[Math.max(0, Math.ceil(quantile * sorted.size()) as int - 1)]
    }
}
