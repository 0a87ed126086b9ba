package dev.zendo.system

import dev.zendo.system.realtime.EdgeClient
import dev.zendo.system.realtime.GatewayApi
import dev.zendo.testsupport.RepoRoot
import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.util.concurrent.PollingConditions

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.ThreadLocalRandom
import java.util.concurrent.TimeUnit

import static dev.zendo.system.realtime.GatewayApi.bearer

/**
 * The compose stack as self-hosters run it, on podman: every image built (make images: the Debian base and the JRE
 * layer once, then services, gateway and the air-gap infrastructure images), docker-compose.yml with
 * docker-compose.airgap.yml started under a project of its own on a free port block, a chat through the gateway only,
 * a restart of the conversations container, and a teardown that leaves nothing behind. Skipped, with the reason, where
 * podman cannot run.
 */
@Stepwise
@Requires(value = { ContainerStackSpec.UNUSABLE == null }, reason = 'podman cannot run here (the reason is printed as "ContainerStackSpec skipped: …")')
class ContainerStackSpec extends Specification {

    /** Why podman cannot run containers here (scripts/compose.sh check), or null when it can. */
    static final String UNUSABLE = unusableReason()
    static final String PROJECT = 'zendo-system'
    static final String ORIGIN = 'https://shop.example.com'
    static final Path LOGS = Path.of('target/container-stack').toAbsolutePath()
    static final Path JVM_OVERRIDE = LOGS.resolve('small-machine.yml')
    /** One C1-compiled JVM per service starts faster on a small machine (as make up runs them). */
    static final String JAVA_TOOL_OPTIONS =
            '-XX:MaxRAMPercentage=75.0 -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp'

    @Shared Path root = RepoRoot.get()
    @Shared int portBase = LocalStack.freePortBase()
    @Shared GatewayApi api = new GatewayApi("http://127.0.0.1:${portBase + 80}")
    @Shared PollingConditions within60s = new PollingConditions(timeout: 60, delay: 0.5)
    @Shared boolean started

    @Shared Map agent
    @Shared String websiteId
    @Shared Map session
    @Shared String conversationId
    @Shared EdgeClient agentSocket

    def setupSpec() {
        Files.createDirectories(LOGS)
        Files.writeString(JVM_OVERRIDE, jvmOverride())
        run('images.sh')
        run('compose.sh', ['down'])
        started = true
        run('compose.sh', ['up'])
    }

    def cleanupSpec() {
        agentSocket?.close()
        if (started) {
            script('compose.sh', ['down'])
        }
    }

    def 'every service is healthy through the gateway'() {
        expect:
        ['identity', 'websites', 'conversations', 'realtime-edge', 'notifications'].every { service ->
            api.json('GET', "/health/${service}").status == 'UP'
        }
    }

    def 'an agent signs up and creates a website, and a visitor opens a widget session, all through the gateway'() {
        when:
        def email = "owner-${ThreadLocalRandom.current().nextInt(1_000_000_000)}@example.com"
        def signUp = api.json('POST', '/v1/auth/signup', [email: email, password: 'container-stack-password', name: 'Container owner'])
        agent = [email: email, token: signUp.access_token]
        def website = api.json('POST', '/v1/websites', [name: 'Container stack', domains: ['shop.example.com'], allowed_origins: [ORIGIN]],
                bearer(agent.token as String))
        websiteId = website.id
        session = api.jsonOnceKnown('POST', '/v1/widget/session', [public_key: website.public_key, page: [url: "${ORIGIN}/".toString()]],
                [Origin: ORIGIN]) as Map

        then:
        websiteId
        session.visitor_token
    }

    def "the visitor's message reaches the agent over the gateway's WebSocket, and the agent's answer is stored"() {
        given:
        agentSocket = new EdgeClient('agent', { ticket() }, null)
        agentSocket.startFrom(websiteId, session.realtime.cursor as String)
        within60s.eventually {
            agentSocket.connect("ws://127.0.0.1:${portBase + 80}/ws")
        }
        agentSocket.subscribe(websiteId)
        within60s.eventually {
            assert agentSocket.currentFrames('subscribed')
        }

        when:
        def message = visitorSays('Hello from a container')
        def answer = api.jsonOnceKnown('POST', "/v1/inbox/${websiteId}/conversations/${conversationId}/messages",
                [client_msg_id: UUID.randomUUID().toString(), body: 'Hi, how can I help?'], bearer(agent.token as String))

        then:
        within60s.eventually {
            assert agentSocket.frames('message:new').any { it.data.message_id == message.id }
        }
        historyIds().containsAll([message.id, answer.id])
    }

    def 'the messages survive a restart of the conversations container, and the chat goes on after it'() {
        given:
        def before = historyIds()
        def addressBefore = address('conversations')

        when: 'a visitor writes as soon as the stack is healthy again'
        podman('restart', "${PROJECT}_conversations_1")
        run('compose.sh', ['wait'])
        def message = visitorSays('Still there after the restart?')

        then: 'a container that came back on another address is routed to there'
        address('conversations') == addressBefore || podman('logs', "${PROJECT}_gateway_1").contains('an upstream moved, nginx reloaded')
        historyIds().containsAll(before + [message.id])
        within60s.eventually {
            assert agentSocket.frames('message:new').any { it.data.message_id == message.id }
        }
    }

    def 'compose down leaves no container, network or volume of the stack'() {
        when:
        agentSocket.close()
        run('compose.sh', ['down'])
        started = false

        then:
        podman('ps', '-a', '--format', '{{.Names}}').readLines().every { !it.startsWith(PROJECT) }
        podman('network', 'ls', '--format', '{{.Name}}').readLines().every { !it.startsWith(PROJECT) }
        podman('volume', 'ls', '--format', '{{.Name}}').readLines().every { !it.startsWith(PROJECT) }
    }

    /** A compose override giving every service {@link #JAVA_TOOL_OPTIONS}. */
    private static String jvmOverride() {
        def services = ['identity', 'websites', 'conversations', 'realtime-edge', 'notifications']
        'services:\n' + services.collect { "  ${it}:\n    environment:\n      JAVA_TOOL_OPTIONS: \"${JAVA_TOOL_OPTIONS}\"\n" }.join('')
    }

    private static String unusableReason() {
        def process = new ProcessBuilder('bash', RepoRoot.get().resolve('scripts/compose.sh').toString(), 'check')
                .redirectErrorStream(true)
        process.environment().put('ZENDO_ENV', 'test')
        def started = process.start()
        def output = started.inputStream.text
        if (started.waitFor() == 0) {
            return null
        }
        def reason = output.readLines().findAll().last()
        System.err.println("ContainerStackSpec skipped: ${reason}")
        reason
    }

    private Map visitorSays(String text) {
        def message = api.json('POST', '/v1/widget/messages', [client_msg_id: UUID.randomUUID().toString(), body: text],
                bearer(session.visitor_token as String) + [Origin: ORIGIN]) as Map
        conversationId = message.conversation_id
        message
    }

    private List<String> historyIds() {
        api.json('GET', "/v1/inbox/${websiteId}/conversations/${conversationId}/messages?limit=200", null,
                bearer(agent.token as String)).messages*.id as List<String>
    }

    private String ticket() {
        api.json('POST', '/v1/realtime/tickets', [:], bearer(agent.token as String)).ticket
    }

    /** The address of a service's container on the stack's network. */
    private String address(String service) {
        podman('inspect', '--format', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', "${PROJECT}_${service}_1").trim()
    }

    /** Runs podman with the project's settings (the files scripts/lib/containers.sh writes); returns its output. */
    private String podman(String... args) {
        def builder = new ProcessBuilder(['podman'] + args.toList()).redirectErrorStream(true)
        builder.environment().putAll(
                CONTAINERS_CONF: root.resolve('.run/containers/containers.conf').toString(),
                CONTAINERS_STORAGE_CONF: root.resolve('.run/containers/storage.conf').toString())
        def process = builder.start()
        def output = process.inputStream.text
        assert process.waitFor(2, TimeUnit.MINUTES) && process.exitValue() == 0: "podman ${args.join(' ')}: ${output}"
        output
    }

    /** Runs a script under scripts/ that must succeed; returns its output. */
    private String run(String name, List<String> args = []) {
        def result = script(name, args)
        assert result.exitCode == 0: "scripts/${name} ${args.join(' ')} exited with ${result.exitCode}:\n${result.output}"
        result.output
    }

    /** Runs a script under scripts/ against this stack's project and ports; its output also goes to target/container-stack. */
    private Map script(String name, List<String> args) {
        def builder = new ProcessBuilder(['bash', root.resolve("scripts/${name}").toString()] + args)
                .directory(root.toFile()).redirectErrorStream(true)
        builder.environment().putAll(
                ZENDO_ENV: 'system-containers',
                ZENDO_PORT_BASE: portBase as String,
                ZENDO_CONTAINER_ENGINE: 'podman',
                ZENDO_COMPOSE_PROJECT: PROJECT,
                ZENDO_COMPOSE_EXTRA: JVM_OVERRIDE.toString())
        def process = builder.start()
        def output = new StringBuilder()
        def reader = Thread.start { output << process.inputStream.text }
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
            process.destroyForcibly()
        }
        reader.join()
        Files.writeString(LOGS.resolve("${name}-${args.join('-') ?: 'run'}.log"), output)
        [exitCode: process.exitValue(), output: output.toString()]
    }
}
