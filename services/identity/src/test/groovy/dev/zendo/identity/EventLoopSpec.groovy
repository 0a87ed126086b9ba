package dev.zendo.identity

import com.nimbusds.jose.jwk.JWKSet
import dev.zendo.auth.keys.KeyTool
import dev.zendo.testsupport.EventLoopBlocking
import dev.zendo.testsupport.TestInfra
import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.runtime.server.EmbeddedServer

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.NOTIFICATIONS_SEAL_KEY
import static dev.zendo.testsupport.TestInfra.Need.REDIS

/**
 * No request does its blocking work (JDBC, Redis, argon2id) on a Netty event loop: BlockHound watches the event-loop
 * threads while every endpoint is driven. The same walk through a service forced back to event-loop execution shows
 * that the watch sees such work when it happens.
 */
class EventLoopSpec extends IdentitySpecification {

    def setupSpec() {
        EventLoopBlocking.install()
    }

    def setup() {
        EventLoopBlocking.clear()
    }

    def 'every endpoint runs its blocking work off the event loop'() {
        when:
        walkThroughEveryEndpoint(this.&send)

        then:
        EventLoopBlocking.calls() == []
    }

    def 'the watch sees blocking work when a service runs it on the event loop'() {
        given:
        def eventLoopServer = ApplicationContext.run(EmbeddedServer, TestInfra.properties('identity', DATABASE, KAFKA, REDIS, NOTIFICATIONS_SEAL_KEY) + [
                'zendo.auth.signing.jwks'          : KeyTool.init().toString(false),
                'zendo.identity.topic'             : topic,
                'micronaut.server.thread-selection': 'MANUAL',
        ] as Map<String, Object>, 'test')
        def eventLoopClient = HttpClient.create(eventLoopServer.URL)
        EventLoopBlocking.clear()

        when:
        walkThroughEveryEndpoint { request -> sendWith(eventLoopClient, request) }

        then:
        !EventLoopBlocking.calls().empty

        cleanup:
        eventLoopClient?.close()
        eventLoopServer?.close()
    }

    private void walkThroughEveryEndpoint(Closure<Map> call) {
        def email = uniqueEmail()
        def tokens = call(post('/v1/auth/signup', [email: email, password: PASSWORD, name: 'Ada'])).body
        assert call(post('/v1/auth/login', [email: email, password: 'wrong-password'])).status == 401
        tokens = call(post('/v1/auth/login', [email: email, password: PASSWORD])).body
        tokens = call(post('/v1/auth/refresh', [refresh_token: tokens.refresh_token])).body
        assert call(HttpRequest.GET('/v1/auth/me').bearerAuth(tokens.access_token)).status == 200
        assert call(patch('/v1/agents/me', [name: 'Grace']).bearerAuth(tokens.access_token)).status == 200
        tokens = call(post('/v1/auth/password', [current_password: PASSWORD, new_password: 'an-even-better-secret'])
                .bearerAuth(tokens.access_token)).body
        assert call(post('/v1/auth/logout', [refresh_token: tokens.refresh_token]).bearerAuth(tokens.access_token)).status == 204
        assert call(delete('/v1/agents/me', [password: 'an-even-better-secret']).bearerAuth(tokens.access_token)).status == 204
        assert call(HttpRequest.GET('/.well-known/jwks.json')).status == 200
        assert call(HttpRequest.GET('/health/liveness')).status == 200
    }
}
