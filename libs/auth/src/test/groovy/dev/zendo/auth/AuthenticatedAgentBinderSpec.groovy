package dev.zendo.auth

import dev.zendo.auth.agent.AuthenticatedAgent
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

import static dev.zendo.testsupport.TestInfra.Need.KAFKA

/** A controller parameter of type AuthenticatedAgent admits only valid identity access tokens. */
class AuthenticatedAgentBinderSpec extends Specification {

    static final Map ACCESS = [token_use: 'access', email: 'ada@example.com', name: 'Ada']

    @Shared
    @AutoCleanup
    TestIssuer identity = TestIssuer.start('zendo-identity', 'zendo')

    @Shared
    @AutoCleanup
    EmbeddedServer server = ApplicationContext.run(EmbeddedServer, TestInfra.properties('auth', KAFKA) + [
            'spec.name'                           : 'AuthenticatedAgentBinderSpec',
            'zendo.auth.agent-tokens.jwks-url'    : identity.jwksUrl(),
            'zendo.auth.agent-tokens.issuer'      : 'zendo-identity',
            'zendo.auth.agent-tokens.audience'    : 'zendo',
            'zendo.auth.agent-tokens.cache-ttl'   : '5m',
    ], 'test')

    @Shared
    @AutoCleanup
    HttpClient http = HttpClient.create(server.URL)

    def 'a valid access token binds the agent it was issued to'() {
        when:
        def body = http.toBlocking().retrieve(HttpRequest.GET('/whoami').bearerAuth(identity.token('agent-1', ACCESS)), Map)

        then:
        body == [id: 'agent-1', email: 'ada@example.com', name: 'Ada', email_verified: true]
    }

    def 'a token whose email_verified claim is #claim binds an agent whose email is verified: #verified'() {
        when:
        def body = http.toBlocking().retrieve(HttpRequest.GET('/whoami').bearerAuth(token), Map)

        then:
        body.email_verified == verified

        where:
        claim         | token                                                                   || verified
        'true'        | identity.token('agent-1', ACCESS + [email_verified: true])              || true
        'false'       | identity.unverifiedToken('agent-1', ACCESS)                             || false
        'absent'      | identity.token('agent-1', ACCESS + [email_verified: null])              || false
        'the text true' | identity.token('agent-1', ACCESS + [email_verified: 'true'])          || false
    }

    def 'a request with #description gets a JSON 401 and never reaches the controller'() {
        when:
        def request = HttpRequest.GET('/whoami')
        if (header) {
            request.header('Authorization', header)
        }
        http.toBlocking().exchange(request, Map)

        then:
        def e = thrown(HttpClientResponseException)
        e.status == HttpStatus.UNAUTHORIZED
        new JsonSlurperClassic().parseText(e.response.getBody(String).get()).error == 'unauthorized'

        where:
        description               | header
        'no token'                | null
        'an empty bearer'         | 'Bearer '
        'a Basic credential'      | 'Basic YWRhOnNlY3JldA=='
        'garbage'                 | 'Bearer not.a.jwt'
        'a tampered token'        | "Bearer ${identity.tamperedToken('agent-1', ACCESS, 'agent-2')}"
        'a token expired 2 min ago'| "Bearer ${identity.expiredToken('agent-1', ACCESS)}"
        'another audience'        | "Bearer ${identity.wrongAudienceToken('agent-1', ACCESS)}"
        'an alg none token'       | "Bearer ${identity.unsignedToken('agent-1', ACCESS)}"
        'another issuer'          | "Bearer ${identity.wrongIssuerToken('agent-1', ACCESS)}"
        'a key not in the JWKS'   | "Bearer ${identity.foreignKeyToken('agent-1', ACCESS)}"
        'a token of another use'  | "Bearer ${identity.token('agent-1', ACCESS + [token_use: 'ticket'])}"
    }

    /** Echoes the bound agent. */
    @Requires(property = 'spec.name', value = 'AuthenticatedAgentBinderSpec')
    @Controller('/whoami')
    static class WhoAmIController {

        @Get
        Map<String, Object> whoami(AuthenticatedAgent agent) {
            [id: agent.id(), email: agent.email(), name: agent.name(), email_verified: agent.emailVerified()]
        }
    }
}
