package dev.zendo.identity

import com.nimbusds.jose.jwk.ECKey
import io.micronaut.http.HttpRequest
import io.micronaut.http.MutableHttpRequest

/** Every protected endpoint admits only a valid identity access token. */
class AuthMatrixSpec extends IdentitySpecification {

    static final Map<String, Closure<MutableHttpRequest<?>>> ENDPOINTS = [
            'GET /v1/auth/me'        : { Map session -> HttpRequest.GET('/v1/auth/me') },
            'PATCH /v1/agents/me'    : { Map session -> patch('/v1/agents/me', [name: 'Renamed']) },
            'DELETE /v1/agents/me'   : { Map session -> delete('/v1/agents/me', [password: PASSWORD]) },
            'POST /v1/auth/password' : { Map session -> post('/v1/auth/password', [current_password: PASSWORD, new_password: 'an-even-better-secret']) },
            'POST /v1/auth/logout'   : { Map session -> post('/v1/auth/logout', [refresh_token: session.refresh_token]) },
            'POST /v1/auth/email-verification': { Map session -> post('/v1/auth/email-verification', '') },
    ]

    static final Map<String, Closure<String>> BAD_TOKENS = [
            'no token'                    : { ECKey key, Map session -> null },
            'a tampered token'            : { ECKey key, Map session -> TestTokens.tampered(session.access_token, UUID.randomUUID().toString()) },
            'a token expired 2 minutes ago': { ECKey key, Map session -> TestTokens.expired(key, session.agent) },
            'an alg none token'           : { ECKey key, Map session -> TestTokens.unsigned(session.agent) },
            'a token of another issuer'   : { ECKey key, Map session -> TestTokens.wrongIssuer(key, session.agent) },
            'a token for another audience': { ECKey key, Map session -> TestTokens.wrongAudience(key, session.agent) },
            'a token of an unknown key'   : { ECKey key, Map session -> TestTokens.foreignKey(session.agent) },
            'a token of another use'      : { ECKey key, Map session -> TestTokens.otherUse(key, session.agent) },
            'the refresh token'           : { ECKey key, Map session -> session.refresh_token },
            'garbage'                     : { ECKey key, Map session -> 'not.a.jwt' },
            'a token of an unknown agent' : { ECKey key, Map session -> TestTokens.valid(key, session.agent + [id: UUID.randomUUID().toString()]) },
            'a token of no agent id'      : { ECKey key, Map session -> TestTokens.valid(key, session.agent + [id: 'agent-1']) },
    ]

    def '#endpoint with #tokenKind gets a JSON 401 and changes nothing'() {
        given:
        def session = signup()
        def token = BAD_TOKENS[tokenKind](keys.keys[0] as ECKey, session)
        def request = ENDPOINTS[endpoint](session)
        if (token) {
            request.bearerAuth(token)
        }

        when:
        def response = send(request)

        then:
        response.status == 401
        response.body.error == 'unauthorized'
        response.headers.get('Content-Type').startsWith('application/json')
        me(session.access_token).body == session.agent
        refresh(session.refresh_token).status == 200

        where:
        [endpoint, tokenKind] << [ENDPOINTS.keySet(), BAD_TOKENS.keySet()].combinations()
    }

    def '#endpoint with a valid access token succeeds'() {
        given:
        def session = signup()

        when:
        def response = send(ENDPOINTS[endpoint](session).bearerAuth(session.access_token))

        then:
        response.status == status

        where:
        endpoint                 || status
        'GET /v1/auth/me'        || 200
        'PATCH /v1/agents/me'    || 200
        'DELETE /v1/agents/me'   || 204
        'POST /v1/auth/password' || 200
        'POST /v1/auth/logout'   || 204
        'POST /v1/auth/email-verification' || 202
    }
}
