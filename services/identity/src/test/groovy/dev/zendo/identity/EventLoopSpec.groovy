package dev.zendo.identity

import com.nimbusds.jose.jwk.JWKSet
import dev.zendo.auth.keys.KeyTool
import dev.zendo.identity.accountmail.NotificationsSealer
import dev.zendo.testsupport.EventLoopBlocking
import dev.zendo.testsupport.TestInfra
import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.runtime.server.EmbeddedServer

import static dev.zendo.events.v1.Envelope.PayloadCase.EMAIL_VERIFICATION_REQUESTED
import static dev.zendo.events.v1.Envelope.PayloadCase.PASSWORD_RESET_REQUESTED
import static dev.zendo.events.v1.Envelope.PayloadCase.SIGN_IN_CODE_REQUESTED
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
        walkThroughEveryEndpoint(context, this.&send)

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
        walkThroughEveryEndpoint(eventLoopServer.applicationContext) { request -> sendWith(eventLoopClient, request) }

        then:
        !EventLoopBlocking.calls().empty

        cleanup:
        eventLoopClient?.close()
        eventLoopServer?.close()
    }

    private void walkThroughEveryEndpoint(ApplicationContext service, Closure<Map> call) {
        def email = uniqueEmail()
        def tokens = call(post('/v1/auth/signup', [email: email, password: PASSWORD, name: 'Ada'])).body
        def agentId = tokens.agent.id as String
        assert call(post('/v1/auth/login', [email: email, password: 'wrong-password'])).status == 401
        tokens = call(post('/v1/auth/login', [email: email, password: PASSWORD])).body
        tokens = call(post('/v1/auth/refresh', [refresh_token: tokens.refresh_token])).body
        assert call(HttpRequest.GET('/v1/auth/me').bearerAuth(tokens.access_token)).status == 200
        assert call(patch('/v1/agents/me', [name: 'Grace']).bearerAuth(tokens.access_token)).status == 200
        assert call(HttpRequest.POST('/v1/auth/email-verification', '').bearerAuth(tokens.access_token)).status == 202
        def verification = awaitEvents(agentId, EMAIL_VERIFICATION_REQUESTED, 2, service)[1].emailVerificationRequested
        assert call(post('/v1/auth/email-verification/confirm',
                [token: opened(verification.sealedToken, NotificationsSealer.VERIFICATION_TOKEN)])).status == 200
        tokens = call(post('/v1/auth/password', [current_password: PASSWORD, new_password: 'an-even-better-secret'])
                .bearerAuth(tokens.access_token)).body
        assert call(post('/v1/auth/password-reset', [email: email])).status == 202
        def reset = awaitEvents(agentId, PASSWORD_RESET_REQUESTED, 1, service)[0].passwordResetRequested
        assert call(post('/v1/auth/password-reset/confirm', [token: opened(reset.sealedToken, NotificationsSealer.RESET_TOKEN),
                                                             new_password: 'a-third-good-secret'])).status == 204
        assert call(post('/v1/auth/sign-in-code', [email: email])).status == 202
        def code = awaitEvents(agentId, SIGN_IN_CODE_REQUESTED, 1, service)[0].signInCodeRequested
        tokens = call(post('/v1/auth/sign-in-code/verify', [email: email, code: opened(code.sealedCode, NotificationsSealer.SIGN_IN_CODE)])).body
        assert call(post('/v1/auth/logout', [refresh_token: tokens.refresh_token]).bearerAuth(tokens.access_token)).status == 204
        assert call(delete('/v1/agents/me', [password: 'a-third-good-secret']).bearerAuth(tokens.access_token)).status == 204
        assert call(HttpRequest.GET('/.well-known/jwks.json')).status == 200
        assert call(HttpRequest.GET('/health/liveness')).status == 200
    }
}
