package dev.zendo.identity

import dev.zendo.identity.accountmail.NotificationsSealer
import dev.zendo.testsupport.badinput.OpenApiContract
import dev.zendo.testsupport.badinput.OpenApiDocument
import io.micronaut.http.HttpRequest
import spock.lang.Shared

import static dev.zendo.events.v1.Envelope.PayloadCase.EMAIL_VERIFICATION_REQUESTED
import static dev.zendo.events.v1.Envelope.PayloadCase.PASSWORD_RESET_REQUESTED
import static dev.zendo.events.v1.Envelope.PayloadCase.SIGN_IN_CODE_REQUESTED

/**
 * The served OpenAPI document describes the wire: field names as sent and read (snake_case), and real requests and
 * answers that match their documented schemas.
 */
class OpenApiContractSpec extends IdentitySpecification {

    @Shared
    OpenApiContract contract

    def setupSpec() {
        contract = new OpenApiContract(new OpenApiDocument(new URL(server.URL, '/swagger/zendo-identity-v1.yml').text))
    }

    def 'every documented field name is snake_case, as on the wire'() {
        expect:
        contract.namesNotSnakeCase() == []
    }

    def 'sign-up, login, refresh and profile change, sent as documented, answer as documented'() {
        given:
        def email = uniqueEmail()
        def signupBody = [email: email, password: PASSWORD, name: 'Ada Lovelace']

        expect:
        contract.requestViolations('POST', '/v1/auth/signup', signupBody) == []

        when:
        def signedUp = send(post('/v1/auth/signup', signupBody))
        def loggedIn = login(email)
        def refreshed = refresh(loggedIn.body.refresh_token)
        def profile = send(patch('/v1/agents/me', [name: 'Ada', avatar_url: 'https://example.com/a.png']).bearerAuth(refreshed.body.access_token))
        def me = me(refreshed.body.access_token)

        then:
        signedUp.status == 201
        contract.responseViolations('POST', '/v1/auth/signup', 201, signedUp.body) == []
        contract.responseViolations('POST', '/v1/auth/login', 200, loggedIn.body) == []
        contract.responseViolations('POST', '/v1/auth/refresh', 200, refreshed.body) == []
        contract.requestViolations('PATCH', '/v1/agents/me', [name: 'Ada', avatar_url: 'https://example.com/a.png']) == []
        contract.responseViolations('PATCH', '/v1/agents/me', 200, profile.body) == []
        contract.responseViolations('GET', '/v1/auth/me', 200, me.body) == []
    }

    def 'email verification, password reset and sign-in by code, sent as documented, answer as documented'() {
        given:
        def session = signup()
        def agentId = session.agent.id
        def verifyToken = opened(awaitEvents(agentId, EMAIL_VERIFICATION_REQUESTED)[0].emailVerificationRequested.sealedToken,
                NotificationsSealer.VERIFICATION_TOKEN)

        when:
        def resent = send(HttpRequest.POST('/v1/auth/email-verification', '').bearerAuth(session.access_token))
        def unknown = send(post('/v1/auth/email-verification/confirm', [token: verifyToken]))
        verifyToken = opened(awaitEvents(agentId, EMAIL_VERIFICATION_REQUESTED, 2)[1].emailVerificationRequested.sealedToken,
                NotificationsSealer.VERIFICATION_TOKEN)
        def confirmed = send(post('/v1/auth/email-verification/confirm', [token: verifyToken]))
        def resetRequested = send(post('/v1/auth/password-reset', [email: session.agent.email]))
        def resetToken = opened(awaitEvents(agentId, PASSWORD_RESET_REQUESTED)[0].passwordResetRequested.sealedToken, NotificationsSealer.RESET_TOKEN)
        def reset = send(post('/v1/auth/password-reset/confirm', [token: resetToken, new_password: 'an-even-better-secret']))
        def codeRequested = send(post('/v1/auth/sign-in-code', [email: session.agent.email]))
        def code = opened(awaitEvents(agentId, SIGN_IN_CODE_REQUESTED)[0].signInCodeRequested.sealedCode, NotificationsSealer.SIGN_IN_CODE)
        def signedIn = send(post('/v1/auth/sign-in-code/verify', [email: session.agent.email, code: code]))

        then:
        [resent, unknown, confirmed, resetRequested, reset, codeRequested, signedIn]*.status == [202, 404, 200, 202, 204, 202, 200]
        contract.responseViolations('POST', '/v1/auth/email-verification', 202, resent.body) == []
        contract.requestViolations('POST', '/v1/auth/email-verification/confirm', [token: verifyToken]) == []
        contract.responseViolations('POST', '/v1/auth/email-verification/confirm', 404, unknown.body) == []
        contract.responseViolations('POST', '/v1/auth/email-verification/confirm', 200, confirmed.body) == []
        contract.requestViolations('POST', '/v1/auth/password-reset', [email: session.agent.email]) == []
        contract.responseViolations('POST', '/v1/auth/password-reset', 202, resetRequested.body) == []
        contract.requestViolations('POST', '/v1/auth/password-reset/confirm', [token: resetToken, new_password: 'an-even-better-secret']) == []
        contract.requestViolations('POST', '/v1/auth/sign-in-code', [email: session.agent.email]) == []
        contract.responseViolations('POST', '/v1/auth/sign-in-code', 202, codeRequested.body) == []
        contract.requestViolations('POST', '/v1/auth/sign-in-code/verify', [email: session.agent.email, code: code]) == []
        contract.responseViolations('POST', '/v1/auth/sign-in-code/verify', 200, signedIn.body) == []
    }

    def 'the signing keys answer as documented'() {
        when:
        def keys = send(HttpRequest.GET('/.well-known/jwks.json'))

        then:
        contract.responseViolations('GET', '/.well-known/jwks.json', 200, keys.body) == []
    }
}
