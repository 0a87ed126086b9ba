package dev.zendo.identity

import dev.zendo.testsupport.badinput.OpenApiContract
import dev.zendo.testsupport.badinput.OpenApiDocument
import io.micronaut.http.HttpRequest
import spock.lang.Shared

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

    def 'the signing keys answer as documented'() {
        when:
        def keys = send(HttpRequest.GET('/.well-known/jwks.json'))

        then:
        contract.responseViolations('GET', '/.well-known/jwks.json', 200, keys.body) == []
    }
}
