package dev.zendo.conversations.visitor

import com.nimbusds.jwt.SignedJWT
import dev.zendo.auth.agent.AgentTokenVerifier
import dev.zendo.auth.agent.AuthenticatedAgent
import dev.zendo.auth.keys.SigningKeys
import dev.zendo.testsupport.TestInfra
import dev.zendo.testsupport.TestIssuer
import groovy.json.JsonSlurperClassic
import io.micronaut.context.ApplicationContext
import io.micronaut.context.annotation.Requires
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpStatus
import io.micronaut.http.annotation.Controller
import io.micronaut.http.annotation.Get
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.runtime.server.EmbeddedServer
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.IDENTITY_SECRETS_KEYSET
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS
import static dev.zendo.testsupport.TestInfra.Need.SIGNING_KEYS

/**
 * Visitor session tokens: signed by conversations for the widget and the realtime edge, bound to one visitor of one
 * website, and never mistaken for an agent's access token either way.
 */
class VisitorTokensSpec extends Specification {

    static final Map ACCESS = [token_use: 'access', email: 'ada@example.com', name: 'Ada']

    @Shared
    @AutoCleanup
    TestIssuer identity = TestIssuer.start('zendo-identity', 'zendo')

    @Shared
    @AutoCleanup
    EmbeddedServer server = ApplicationContext.run(EmbeddedServer,
            TestInfra.properties('conversations', DATABASE, KAFKA, REDIS, SIGNING_KEYS, IDENTITY_SECRETS_KEYSET) + [
                    'spec.name'                       : 'VisitorTokensSpec',
                    'zendo.auth.agent-tokens.jwks-url': identity.jwksUrl(),
            ] as Map<String, Object>, 'test')

    @Shared
    @AutoCleanup
    HttpClient httpClient = HttpClient.create(server.URL)

    @Shared
    VisitorTokens tokens = server.applicationContext.getBean(VisitorTokens)

    @Shared
    VisitorTokenMaker maker = new VisitorTokenMaker(server.applicationContext.getBean(SigningKeys).current())

    def 'an issued token binds the visitor and website it was issued for, for realtime and the widget'() {
        given:
        def websiteId = UUID.randomUUID()
        def visitorId = UUID.randomUUID()

        when:
        def issued = tokens.issue(websiteId, visitorId, Duration.ofHours(24))
        def claims = SignedJWT.parse(issued.token()).JWTClaimsSet
        def body = get('/spec/visitor', issued.token())

        then:
        body == [website_id: websiteId.toString(), visitor_id: visitorId.toString(), expires_at: issued.expiresAt().epochSecond]
        claims.subject == visitorId.toString()
        claims.getStringClaim('website_id') == websiteId.toString()
        claims.getStringClaim('token_use') == 'visitor'
        claims.issuer == 'zendo-conversations'
        claims.audience == ['zendo-realtime', 'zendo-widget']
        Duration.between(claims.issueTime.toInstant(), claims.expirationTime.toInstant()) == Duration.ofHours(24)
    }

    def 'the default lifetime is 24 hours and a website may choose #lifetime'() {
        when:
        def issued = tokens.issue(UUID.randomUUID(), UUID.randomUUID(), lifetime)
        def claims = SignedJWT.parse(issued.token()).JWTClaimsSet

        then:
        tokens.defaultLifetime() == Duration.ofHours(24)
        Duration.between(claims.issueTime.toInstant(), claims.expirationTime.toInstant()) == lifetime

        where:
        lifetime << [Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(7)]
    }

    def 'a lifetime of #lifetime is refused'() {
        when:
        tokens.issue(UUID.randomUUID(), UUID.randomUUID(), lifetime)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('between PT1H and PT168H')

        where:
        lifetime << [Duration.ZERO, Duration.ofMinutes(59), Duration.ofDays(7).plusSeconds(1), Duration.ofSeconds(-1)]
    }

    def 'renewal is due when #left of a #life token is left: #due'() {
        given:
        def expiresAt = Instant.now() + left
        def visitor = new AuthenticatedVisitor(UUID.randomUUID(), UUID.randomUUID(), expiresAt - life, expiresAt)

        expect:
        tokens.renewalDue(visitor) == due

        where:
        life                 | left                                      || due
        Duration.ofHours(24) | Duration.ofHours(23)                      || false
        Duration.ofHours(24) | Duration.ofHours(6).plusMinutes(1)        || false
        Duration.ofHours(24) | Duration.ofHours(6).minusMinutes(1)       || true
        Duration.ofHours(24) | Duration.ofMinutes(1)                     || true
        Duration.ofHours(1)  | Duration.ofMinutes(16)                    || false
        Duration.ofHours(1)  | Duration.ofMinutes(14)                    || true
        Duration.ofDays(7)   | Duration.ofHours(43)                      || false
        Duration.ofDays(7)   | Duration.ofHours(41)                      || true
    }

    def 'a request with #description gets a JSON 401 and never reaches the controller'() {
        when:
        def request = HttpRequest.GET('/spec/visitor')
        def value = header instanceof Closure ? header() : header
        if (value != null) {
            request.header('Authorization', value)
        }
        httpClient.toBlocking().exchange(request, Map)

        then:
        def e = thrown(HttpClientResponseException)
        e.status == HttpStatus.UNAUTHORIZED
        new JsonSlurperClassic().parseText(e.response.getBody(String).get()).error == 'unauthorized'

        where:
        description                        | header
        'no token'                         | null
        'an empty bearer'                  | 'Bearer '
        'a Basic credential'               | 'Basic YWRhOnNlY3JldA=='
        'garbage'                          | 'Bearer not.a.jwt'
        'a tampered token'                 | { "Bearer ${maker.tampered()}" }
        'a token expired 2 min ago'        | { "Bearer ${maker.expired()}" }
        'only the realtime audience'       | { "Bearer ${maker.signed(maker.claims().audience('zendo-realtime').build())}" }
        'another audience'                 | { "Bearer ${maker.signed(maker.claims().audience('zendo').build())}" }
        'another issuer'                   | { "Bearer ${maker.signed(maker.claims().issuer('zendo-websites').build())}" }
        'token_use access'                 | { "Bearer ${maker.signed(maker.claims().claim('token_use', 'access').build())}" }
        'no token_use'                     | { "Bearer ${maker.signed(maker.claims().claim('token_use', null).build())}" }
        'no website_id'                    | { "Bearer ${maker.signed(maker.claims().claim('website_id', null).build())}" }
        'a website_id that is no UUID'     | { "Bearer ${maker.signed(maker.claims().claim('website_id', 'site-1').build())}" }
        'a subject that is no UUID'        | { "Bearer ${maker.signed(maker.claims().subject('visitor-1').build())}" }
        'an alg none token'                | { "Bearer ${maker.unsigned()}" }
        'an HS256 token'                   | { "Bearer ${maker.hs256()}" }
        'a key not in the JWKS'            | { "Bearer ${maker.foreignKey()}" }
        'an agent access token'            | { "Bearer ${identity.token('agent-1', ACCESS)}" }
    }

    def 'a visitor token never authenticates an agent endpoint'() {
        given:
        def visitorToken = tokens.issue(UUID.randomUUID(), UUID.randomUUID(), Duration.ofHours(1)).token()

        when:
        httpClient.toBlocking().exchange(HttpRequest.GET('/spec/agent').bearerAuth(visitorToken), Map)

        then:
        def e = thrown(HttpClientResponseException)
        e.status == HttpStatus.UNAUTHORIZED
        server.applicationContext.getBean(AgentTokenVerifier).verify(visitorToken).isEmpty()

        and: 'the same endpoint admits an agent'
        get('/spec/agent', identity.token('agent-1', ACCESS)) == [id: 'agent-1']
    }

    def 'a token of website A is refused on website B and admitted on A'() {
        given:
        def websiteA = UUID.randomUUID()
        def token = tokens.issue(websiteA, UUID.randomUUID(), Duration.ofHours(1)).token()

        when:
        httpClient.toBlocking().exchange(HttpRequest.GET("/spec/websites/${UUID.randomUUID()}/visitor").bearerAuth(token), Map)

        then:
        def e = thrown(HttpClientResponseException)
        e.status == HttpStatus.UNAUTHORIZED
        new JsonSlurperClassic().parseText(e.response.getBody(String).get()).error == 'unauthorized'

        and:
        get("/spec/websites/${websiteA}/visitor", token).website_id == websiteA.toString()
    }

    def 'the JWKS is public, cacheable and holds the public part of the key that signs visitor tokens'() {
        when:
        def response = httpClient.toBlocking().exchange(HttpRequest.GET('/v1/widget/jwks.json'), String)
        def jwks = new JsonSlurperClassic().parseText(response.body())
        def kid = SignedJWT.parse(tokens.issue(UUID.randomUUID(), UUID.randomUUID(), Duration.ofHours(1)).token()).header.keyID

        then:
        response.header('Cache-Control') == 'public, max-age=300'
        jwks.keys*.kid == [kid]
        jwks.keys.every { it.kty == 'EC' && it.crv == 'P-256' && !it.containsKey('d') }
    }

    private Map get(String path, String token) {
        httpClient.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Map)
    }

    /** Echoes the bound visitor, and the bound agent. */
    @Requires(property = 'spec.name', value = 'VisitorTokensSpec')
    @Controller('/spec')
    static class WhoAmIController {

        @Get('/visitor')
        Map<String, Object> visitor(AuthenticatedVisitor visitor) {
            [website_id: visitor.websiteId().toString(), visitor_id: visitor.visitorId().toString(), expires_at: visitor.expiresAt().epochSecond]
        }

        @Get('/websites/{websiteId}/visitor')
        Map<String, Object> visitorOf(UUID websiteId, AuthenticatedVisitor visitor) {
            [website_id: visitor.requireWebsite(websiteId).websiteId().toString()]
        }

        @Get('/agent')
        Map<String, Object> agent(AuthenticatedAgent agent) {
            [id: agent.id()]
        }
    }
}
