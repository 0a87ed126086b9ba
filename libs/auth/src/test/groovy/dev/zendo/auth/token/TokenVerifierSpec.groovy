package dev.zendo.auth.token

import com.nimbusds.jose.JOSEObjectType
import com.nimbusds.jose.JWSAlgorithm
import com.nimbusds.jose.JWSHeader
import com.nimbusds.jose.crypto.ECDSASigner
import com.nimbusds.jose.jwk.ECKey
import com.nimbusds.jose.jwk.JWKSet
import com.nimbusds.jose.jwk.source.JWKSource
import com.nimbusds.jwt.JWTClaimsSet
import com.nimbusds.jwt.SignedJWT
import com.sun.net.httpserver.HttpServer
import dev.zendo.auth.keys.KeyTool
import dev.zendo.testsupport.SteppingClock
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.nio.charset.StandardCharsets
import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicInteger
import java.util.concurrent.atomic.AtomicReference

/**
 * A remote verifier fetches the issuer's JWKS sparingly: tokens with made-up kids cannot make it hammer the issuer. A
 * verified token is accepted again for a short while without its signature being checked, never past its expiry.
 */
class TokenVerifierSpec extends Specification {

    ECKey key = KeyTool.newKey()
    AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(key.toPublicJWK()))
    AtomicInteger fetches = new AtomicInteger()
    ExecutorService handlers = Executors.newFixedThreadPool(4)
    HttpServer issuer = jwksEndpoint()

    def cleanup() {
        issuer.stop(0)
        handlers.shutdown()
    }

    def '#tokens tokens with random kids, #threads at a time, fetch the JWKS at most twice per refetch interval'() {
        given:
        def verifier = remote()
        def pool = Executors.newFixedThreadPool(threads)

        when:
        def results = pool.invokeAll((1..tokens).collect { { -> verifier.verify(token(key, UUID.randomUUID().toString())) } as Callable })*.get()
        pool.shutdown()

        then:
        results.every { it.isEmpty() }
        fetches.get() <= 2

        and: 'tokens of the published key still verify from the keys fetched'
        verifier.verify(token(key, key.keyID)).isPresent()
        fetches.get() <= 2

        where:
        tokens | threads
        200    | 1
        200    | 16
    }

    def 'a key the issuer publishes later is fetched on its first token'() {
        given:
        def verifier = remote()
        verifier.verify(token(key, key.keyID))
        def next = KeyTool.newKey()
        published.set(new JWKSet([key.toPublicJWK(), next.toPublicJWK()]))

        expect:
        verifier.verify(token(next, next.keyID)).isPresent()
        fetches.get() == 2
    }

    def 'a token #description is rejected'() {
        given:
        def verifier = remote()

        expect:
        verifier.verify(signed(key, claims.build())).isEmpty()

        where:
        description                   | claims
        'for another audience'        | valid().audience('zendo-realtime')
        'of another issuer'           | valid().issuer('https://evil.example')
        'expired 2 minutes ago'       | valid().expirationTime(Date.from(Instant.now() - Duration.ofMinutes(2)))
        'not valid for 2 more minutes'| valid().notBeforeTime(Date.from(Instant.now() + Duration.ofMinutes(2)))
    }

    def 'a verified token is accepted again without checking its signature, for at most a minute'() {
        given:
        def clock = new SteppingClock(Instant.now())
        def keyLookups = new AtomicInteger()
        def verifier = local(clock, keyLookups)
        def jwt = token(key, key.keyID)

        when:
        def first = verifier.verify(jwt)
        def again = verifier.verify(jwt)

        then:
        first.get().subject == 'agent-1'
        again.get().subject == 'agent-1'
        keyLookups.get() == 1

        when:
        clock.advance(TokenVerifier.REUSE + Duration.ofSeconds(1))

        then:
        verifier.verify(jwt).isPresent()
        keyLookups.get() == 2
    }

    def 'a remembered token is forgotten once its reuse time has passed, with no token verified after it'() {
        given:
        def verifier = local(Clock.systemUTC(), new AtomicInteger(), null, [], Duration.ofMillis(200))
        assert verifier.verify(token(key, key.keyID)).isPresent()
        assert verifier.remembered() == 1

        expect:
        new PollingConditions(timeout: 5).eventually {
            assert verifier.remembered() == 0
        }
    }

    def 'a remembered token is refused once it has expired'() {
        given:
        def clock = new SteppingClock(Instant.now())
        def verifier = local(clock, new AtomicInteger())
        def jwt = signed(key, valid().expirationTime(Date.from(clock.instant() + Duration.ofSeconds(30))).build())
        assert verifier.verify(jwt).isPresent()

        when: 'past its expiry and the minute of clock skew verification allows'
        clock.advance(Duration.ofSeconds(30 + 60 + 1))

        then:
        verifier.verify(jwt).isEmpty()
    }

    def 'a token changed in its #part is refused after the genuine token was verified'() {
        given:
        def verifier = local(new SteppingClock(Instant.now()), new AtomicInteger())
        def jwt = token(key, key.keyID)
        assert verifier.verify(jwt).isPresent()
        def parts = jwt.split('\\.')
        parts[index] = parts[index].reverse()

        expect:
        verifier.verify(parts.join('.')).isEmpty()

        where:
        part        | index
        'claims'    | 1
        'signature' | 2
    }

    def 'a token recorded as checked skips only the signature arithmetic: #description is #outcome'() {
        given:
        Set<String> recorded = ConcurrentHashMap.newKeySet()
        def verifier = local(new SteppingClock(Instant.now()), new AtomicInteger(), recorded)
        String jwt = make(key)
        recorded << jwt

        expect:
        verifier.verify(jwt).isPresent() == accepted

        where:
        description                                   | make                                                                      | accepted
        'a genuine token'                             | { ECKey k -> token(k, k.keyID) }                                          | true
        'a token whose signature does not hold'       | { ECKey k -> tampered(token(k, k.keyID)) }                                | true
        'a token whose key id the JWKS does not have' | { ECKey k -> token(k, 'retired') }                                        | false
        'a token signed by a key of another id'       | { ECKey k -> signed(KeyTool.newKey(), valid().build()) }                  | false
        'an expired token'                            | { ECKey k -> signed(k, valid().expirationTime(Date.from(Instant.now() - Duration.ofMinutes(2))).build()) } | false
        'a token for another audience'                | { ECKey k -> signed(k, valid().audience('zendo-realtime').build()) }      | false
        outcome = accepted ? 'accepted' : 'refused'
    }

    def 'only a token that verified in full and has not expired is recorded as checked'() {
        given:
        Set<String> recorded = ConcurrentHashMap.newKeySet()
        def verifier = local(new SteppingClock(Instant.now()), new AtomicInteger(), recorded)
        String genuine = token(key, key.keyID)
        String forged = tampered(token(key, key.keyID))
        String expired = signed(key, valid().expirationTime(Date.from(Instant.now() - Duration.ofSeconds(30))).build())

        when:
        [genuine, forged, expired].each { verifier.verify(it) }

        then: 'the expired token is still within the minute of clock skew, so it verified'
        verifier.verify(expired).isPresent()
        recorded == [genuine] as Set
    }

    def 'a batch of tokens asks once which were checked, records the new ones at once, and gives each its own outcome'() {
        given:
        Set<String> recorded = ConcurrentHashMap.newKeySet()
        List<String> calls = []
        def verifier = local(new SteppingClock(Instant.now()), new AtomicInteger(), recorded, calls)
        String known = token(key, key.keyID)
        recorded << known
        String fresh = token(key, key.keyID)
        String forged = tampered(token(key, key.keyID))

        when:
        def results = verifier.verify([fresh, 'not.a.token', known, forged, fresh])

        then:
        results*.isPresent() == [true, false, true, false, true]
        calls == ['checked 3', 'add 1']
        recorded == [known, fresh] as Set

        when: 'the same tokens again, within the minute a verified token is remembered'
        calls.clear()
        verifier.verify([known, fresh])

        then:
        calls.isEmpty()
    }

    private TokenVerifier local(Clock clock, AtomicInteger keyLookups, Set<String> recorded = null, List<String> calls = [],
                                Duration reuse = TokenVerifier.REUSE) {
        def keys = new JWKSet(key.toPublicJWK())
        def checked = recorded == null ? CheckedSignatures.NONE : new CheckedSignatures() {
            Set<String> checked(Collection<String> tokens) {
                calls << "checked ${tokens.size()}".toString()
                tokens.findAll { recorded.contains(it) } as Set
            }

            void add(Map<String, Instant> expiresAt) {
                calls << "add ${expiresAt.size()}".toString()
                recorded.addAll(expiresAt.keySet())
            }
        }
        new TokenVerifier({ selector, context -> keyLookups.incrementAndGet(); selector.select(keys) } as JWKSource,
                'zendo-identity', 'zendo', clock, checked, reuse)
    }

    /** The token with its signature changed. */
    private static String tampered(String jwt) {
        def parts = jwt.split('\\.')
        parts[2] = parts[2].reverse()
        parts.join('.')
    }

    private TokenVerifier remote() {
        TokenVerifier.remote("http://127.0.0.1:${issuer.address.port}/jwks.json", Duration.ofHours(1), Duration.ofMinutes(30), 'zendo-identity', 'zendo')
    }

    private HttpServer jwksEndpoint() {
        def server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
        server.createContext('/jwks.json') { exchange ->
            fetches.incrementAndGet()
            byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8)
            exchange.responseHeaders.add('Content-Type', 'application/json')
            exchange.sendResponseHeaders(200, body.length)
            exchange.responseBody.write(body)
            exchange.close()
        }
        server.executor = handlers
        server.start()
        server
    }

    private static JWTClaimsSet.Builder valid() {
        new JWTClaimsSet.Builder().subject('agent-1').issuer('zendo-identity').audience('zendo')
                .issueTime(new Date()).expirationTime(Date.from(Instant.now() + Duration.ofMinutes(10)))
    }

    private static String token(ECKey key, String kid) {
        signed(key, valid().build(), kid)
    }

    private static String signed(ECKey key, JWTClaimsSet claims, String kid = key.keyID) {
        def jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).keyID(kid).build(), claims)
        jwt.sign(new ECDSASigner(key))
        jwt.serialize()
    }
}
