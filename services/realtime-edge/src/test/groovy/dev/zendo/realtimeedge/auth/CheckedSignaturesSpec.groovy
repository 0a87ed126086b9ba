package dev.zendo.realtimeedge.auth

import dev.zendo.realtimeedge.config.CredentialSettings
import dev.zendo.testsupport.TestInfra
import dev.zendo.testsupport.TestIssuer
import io.micrometer.core.instrument.simple.SimpleMeterRegistry
import redis.clients.jedis.ClientSetInfoConfig
import redis.clients.jedis.DefaultJedisClientConfig
import redis.clients.jedis.HostAndPort
import redis.clients.jedis.JedisPooled
import redis.clients.jedis.Protocol
import redis.clients.jedis.params.SetParams
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.time.Duration
import java.time.Instant
import java.util.concurrent.CopyOnWriteArrayList

/**
 * Nodes holding one secret share the signatures they checked in Redis: a node verifies a token another node checked
 * without the P-256 arithmetic, every other check still made; without the secret a record in Redis is worth nothing;
 * when Redis does not answer, a node checks in full. Each "node" here is a credential verifier with its own meters.
 */
class CheckedSignaturesSpec extends Specification {

    static final String SECRET = 'edge-nodes-secret-0123456789abcdef'

    @Shared
    @AutoCleanup
    TestIssuer websites = TestIssuer.start('zendo-websites', 'zendo-realtime')

    @Shared
    @AutoCleanup
    TestIssuer conversations = TestIssuer.start('zendo-conversations', 'zendo-realtime')

    @Shared
    @AutoCleanup
    JedisPooled redis = new JedisPooled(URI.create(TestInfra.infrastructure().redisUri()))

    @Shared
    Map<String, Object> agentClaims = [token_use: 'realtime', websites: [[id: UUID.randomUUID().toString(), role: 'owner']]]

    final List<CredentialVerifier> nodes = []
    final Map<CredentialVerifier, SimpleMeterRegistry> meters = [:]

    def cleanup() {
        nodes*.close()
    }

    def 'a ticket one node verified is accepted by another without its signature checked again, and kept until it expires'() {
        given:
        def first = node()
        def second = node()
        Instant expiresAt = Instant.now().plus(Duration.ofMinutes(10))
        String ticket = websites.token('agent-1', agentClaims, 'zendo-realtime', expiresAt)

        when:
        def verified = first.verify(ticket).get()

        then:
        verified.get().subject() == 'agent-1'
        lookups(first, 'absent') == 1
        redis.pttl(key(ticket)) in (Duration.ofMinutes(9).toMillis()..Duration.ofMinutes(10).toMillis())
        redis.get(key(ticket)) == ''

        when:
        def again = second.verify(ticket).get()

        then:
        again.get().subject() == 'agent-1'
        lookups(second, 'found') == 1
        lookups(second, 'absent') == 0
    }

    def 'a token whose signature does not hold is refused, and accepted only when recorded under the nodes\' secret'() {
        given:
        def node = node()
        String tampered = websites.tamperedToken('agent-3', agentClaims, 'agent-4')

        expect:
        node.verify(tampered).get().isEmpty()
        !redis.exists(key(tampered))

        when: 'someone who can write to Redis but lacks the secret records it'
        redis.set(key(tampered, 'another-secret-0123456789abcdef-xyz'), '', SetParams.setParams().px(60_000))

        then:
        node.verify(tampered).get().isEmpty()

        when: 'a node holding the secret had recorded it'
        redis.set(key(tampered), '', SetParams.setParams().px(60_000))

        then:
        node.verify(tampered).get().get().subject() == 'agent-4'
    }

    def 'a token #description is refused even when recorded as checked'() {
        given:
        def node = node()
        String token = make()
        redis.set(key(token), '', SetParams.setParams().px(60_000))

        expect:
        node.verify(token).get().isEmpty()
        lookups(node, 'found') == 1

        where:
        description                                   | make
        'that expired'                                | { websites.expiredToken('agent-5', agentClaims) }
        'for another audience'                        | { websites.token('agent-5', agentClaims, 'zendo', Instant.now().plus(Duration.ofMinutes(10))) }
        'signed by a key the issuer does not publish' | { websites.foreignKeyToken('agent-5', agentClaims) }
        'of the wrong use'                            | { websites.token('agent-5', [token_use: 'visitor', website_id: UUID.randomUUID().toString()]) }
        'naming conversations but signed by websites' | { websites.token(UUID.randomUUID().toString(), [token_use: 'visitor', website_id: UUID.randomUUID().toString(), iss: 'zendo-conversations']) }
    }

    def 'a herd of #count tokens arriving at once is looked up in a few round trips, not one per token'() {
        given:
        def first = node()
        def second = node()
        List<String> tokens = (1..count).collect { websites.token("agent-herd-$it", agentClaims) }
        tokens.collect { first.verify(it) }*.get()
        long before = calls('mget')

        when: 'Redis holds its answers for a moment, so every token is queued before the first lookup returns'
        redis.sendCommand(Protocol.Command.CLIENT, 'PAUSE', '500')
        def verified = tokens.collect { second.verify(it) }*.get()

        then: 'the first lookup, then one per batch of the rest'
        verified.every { it.isPresent() }
        lookups(second, 'found') == count
        calls('mget') - before <= 1 + Math.ceil((count - 1) / CredentialVerifier.BATCH)

        where:
        count << [40, 600]
    }

    def 'nodes without a secret share nothing'() {
        given:
        def node = node(redis, null)
        String ticket = websites.token('agent-8', agentClaims)

        expect:
        node.verify(ticket).get().isPresent()
        !redis.exists(key(ticket))
        meters[node].find('zendo.realtime.auth.checked.signatures').counters().isEmpty()
    }

    def 'a node whose Redis does not answer checks every signature itself'() {
        given:
        def unreachable = new JedisPooled('127.0.0.1', closedPort())
        def node = node(unreachable)
        UUID visitorId = UUID.randomUUID()
        String visitor = conversations.token(visitorId.toString(), [token_use: 'visitor', website_id: UUID.randomUUID().toString()])
        String tampered = websites.tamperedToken('agent-6', agentClaims, 'agent-7')

        expect:
        node.verify(visitor).get().get().subject() == visitorId.toString()
        node.verify(tampered).get().isEmpty()

        cleanup:
        unreachable.close()
    }

    def 'after a Redis call fails, a node leaves Redis alone for a while and checks tokens in full'() {
        given: 'a Redis that takes connections and never answers'
        def silent = new SilentServer()
        def hanging = new JedisPooled(new HostAndPort('127.0.0.1', silent.port),
                DefaultJedisClientConfig.builder().connectionTimeoutMillis(200).socketTimeoutMillis(200)
                        .clientSetInfoConfig(ClientSetInfoConfig.DISABLED).build())
        def node = node(hanging)

        when:
        def verified = (1..3).collect { node.verify(websites.token("agent-$it", agentClaims)).get() }

        then: 'one lookup and one write timed out; the other tokens did not wait for Redis'
        verified.every { it.isPresent() }
        new PollingConditions(timeout: 5).eventually {
            assert silent.commands('MGET') == 1
            assert silent.commands('SET') == 1
        }

        cleanup:
        hanging.close()
        silent.close()
    }

    def 'a secret of #length characters is #outcome at startup'() {
        when:
        def failure = null
        try {
            settings(secret)
        } catch (IllegalArgumentException e) {
            failure = e
        }

        then:
        (failure != null) == refused

        where:
        secret    | refused
        null      | false
        ''        | false
        'x' * 31  | true
        'x' * 32  | false
        length = secret?.length() ?: 0
        outcome = refused ? 'refused' : 'taken'
    }

    private CredentialVerifier node(JedisPooled store = redis, String secret = SECRET) {
        def registry = new SimpleMeterRegistry()
        def node = new CredentialVerifier(settings(secret), store, registry)
        nodes << node
        meters[node] = registry
        node
    }

    private CredentialSettings settings(String secret) {
        new CredentialSettings(websites.jwksUrl(), 'zendo-websites', conversations.jwksUrl(), 'zendo-conversations', 'zendo-realtime',
                Duration.ofMinutes(5), Duration.ofSeconds(30), 1, secret)
    }

    private String key(String token, String secret = SECRET) {
        new RedisCheckedSignatures(redis, new SimpleMeterRegistry(), secret).key(token)
    }

    /** How many {@code command}s Redis has run since it started. */
    private long calls(String command) {
        def stats = redis.info('commandstats').readLines().find { it.startsWith("cmdstat_${command}:") }
        stats == null ? 0 : (stats =~ /calls=(\d+)/)[0][1] as long
    }

    private double lookups(CredentialVerifier node, String result) {
        meters[node].find('zendo.realtime.auth.checked.signatures').tag('result', result).counter()?.count() ?: 0
    }

    private static int closedPort() {
        new ServerSocket(0, 1, InetAddress.loopbackAddress).withCloseable { it.localPort }
    }

    /** Accepts connections and reads what clients send, never answering. */
    private static final class SilentServer implements Closeable {

        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.loopbackAddress)
        final StringBuffer received = new StringBuffer()
        final List<Socket> clients = new CopyOnWriteArrayList<>()

        SilentServer() {
            Thread.startDaemon {
                while (!socket.closed) {
                    Socket client = socket.accept()
                    clients << client
                    Thread.startDaemon {
                        byte[] buffer = new byte[4096]
                        int read
                        while ((read = client.inputStream.read(buffer)) >= 0) {
                            received.append(new String(buffer, 0, read, 'UTF-8'))
                        }
                    }
                }
            }
        }

        int getPort() {
            socket.localPort
        }

        /** How many commands named {@code name} arrived (RESP: each is an array whose first bulk string is its name). */
        int commands(String name) {
            received.toString().count("\r\n\$${name.length()}\r\n${name}\r\n")
        }

        void close() {
            socket.close()
            clients*.close()
        }
    }
}
