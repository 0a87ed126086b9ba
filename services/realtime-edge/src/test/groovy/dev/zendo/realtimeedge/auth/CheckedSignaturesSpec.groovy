package dev.zendo.realtimeedge.auth

import dev.zendo.realtimeedge.config.CredentialSettings
import dev.zendo.testsupport.TestInfra
import dev.zendo.testsupport.TestIssuer
import io.micrometer.core.instrument.simple.SimpleMeterRegistry
import redis.clients.jedis.JedisPooled
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

/**
 * Nodes share the signatures they checked in Redis: a node verifies a token another node checked without the P-256
 * arithmetic, every other check still made, and checks in full when Redis does not answer. Each "node" here is a
 * credential verifier of its own, with its own meters.
 */
class CheckedSignaturesSpec extends Specification {

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
        redis.pttl(RedisCheckedSignatures.key(ticket)) in (Duration.ofMinutes(9).toMillis()..Duration.ofMinutes(10).toMillis())

        when:
        def again = second.verify(ticket).get()

        then:
        again.get().subject() == 'agent-1'
        lookups(second, 'found') == 1
        lookups(second, 'absent') == 0
    }

    def 'only a hash of the token is stored'() {
        given:
        String ticket = websites.token('agent-2', agentClaims)

        when:
        node().verify(ticket).get()

        then:
        String signature = ticket.split('\\.')[2]
        redis.get(RedisCheckedSignatures.key(ticket)) == ''
        redis.keys(RedisCheckedSignatures.PREFIX + '*').every { !it.contains(signature) && redis.get(it) == '' }
    }

    def 'a token whose signature does not hold is refused, and accepted once a node records it as checked: Redis is inside the trust boundary'() {
        given:
        def node = node()
        String tampered = websites.tamperedToken('agent-3', agentClaims, 'agent-4')

        expect:
        node.verify(tampered).get().isEmpty()
        !redis.exists(RedisCheckedSignatures.key(tampered))

        when:
        redis.set(RedisCheckedSignatures.key(tampered), '')

        then:
        node.verify(tampered).get().get().subject() == 'agent-4'
    }

    def 'a token #description is refused even when its signature is recorded as checked'() {
        given:
        def node = node()
        String token = make()
        redis.set(RedisCheckedSignatures.key(token), '')

        expect:
        node.verify(token).get().isEmpty()

        where:
        description                                    | make
        'that expired'                                 | { websites.expiredToken('agent-5', agentClaims) }
        'for another audience'                         | { websites.token('agent-5', agentClaims, 'zendo', Instant.now().plus(Duration.ofMinutes(10))) }
        'of an unknown issuer'                         | { websites.wrongIssuerToken('agent-5', agentClaims) }
        'signed by a key the issuer does not publish'  | { websites.foreignKeyToken('agent-5', agentClaims) }
        'that is unsigned'                             | { websites.unsignedToken('agent-5', agentClaims) }
        'of the wrong use'                             | { websites.token('agent-5', [token_use: 'visitor', website_id: UUID.randomUUID().toString()]) }
        "naming conversations but signed by websites" | { websites.token(UUID.randomUUID().toString(), [token_use: 'visitor', website_id: UUID.randomUUID().toString(), iss: 'zendo-conversations']) }
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

    private CredentialVerifier node(JedisPooled store = redis) {
        def registry = new SimpleMeterRegistry()
        def node = new CredentialVerifier(new CredentialSettings(websites.jwksUrl(), 'zendo-websites', conversations.jwksUrl(),
                'zendo-conversations', 'zendo-realtime', Duration.ofMinutes(5), Duration.ofSeconds(30), 1),
                new RedisCheckedSignatures(store, registry))
        nodes << node
        meters[node] = registry
        node
    }

    private double lookups(CredentialVerifier node, String result) {
        meters[node].find('zendo.realtime.auth.checked.signatures').tag('result', result).counter()?.count() ?: 0
    }

    private static int closedPort() {
        new ServerSocket(0, 1, InetAddress.loopbackAddress).withCloseable { it.localPort }
    }
}
