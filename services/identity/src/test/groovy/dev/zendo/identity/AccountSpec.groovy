package dev.zendo.identity

import com.nimbusds.jwt.SignedJWT
import io.micronaut.http.HttpRequest

/** An agent signs up, signs in, reads and changes its profile, changes its password and signs out. */
class AccountSpec extends IdentitySpecification {

    def 'signing up answers 201 with a token pair and the agent, with the email normalised'() {
        given:
        def email = uniqueEmail()

        when:
        def response = send(post('/v1/auth/signup', [email: "  ${email.toUpperCase()} ", password: PASSWORD, name: '  Ada Lovelace ']))

        then:
        response.status == 201
        with(response.body) {
            token_type == 'Bearer'
            expires_in == 900
            refresh_expires_in == 30 * 24 * 3600
            refresh_token.length() == 43
            agent.email == email
            agent.name == 'Ada Lovelace'
            agent.id ==~ /[0-9a-f-]{36}/
            !agent.containsKey('avatar_url')
        }
        query('SELECT email FROM agent WHERE id = ?::uuid', response.body.agent.id) == email
    }

    def 'the access token is an ES256 JWT for the agent, valid for 15 minutes'() {
        when:
        def body = signup()
        def jwt = SignedJWT.parse(body.access_token)
        def claims = jwt.JWTClaimsSet

        then:
        jwt.header.algorithm.name == 'ES256'
        jwt.header.keyID == keys.keys[0].keyID
        claims.subject == body.agent.id
        claims.getClaim('email') == body.agent.email
        claims.getClaim('name') == 'Ada Lovelace'
        claims.getClaim('token_use') == 'access'
        claims.issuer == 'zendo-identity'
        claims.audience == ['zendo']
        claims.expirationTime.time - claims.issueTime.time == 15 * 60 * 1000
    }

    def 'the password is stored as an argon2id hash, never as given'() {
        when:
        def body = signup()

        then:
        def hash = query('SELECT password_hash FROM agent WHERE id = ?::uuid', body.agent.id) as String
        hash.startsWith('$argon2id$')
        !hash.contains(PASSWORD)
    }

    def 'an email already in use, in any case, is refused with 409 email_taken'() {
        given:
        def email = uniqueEmail()
        signup(email)

        when:
        def response = send(post('/v1/auth/signup', [email: email.toUpperCase(), password: PASSWORD, name: 'Other']))

        then:
        response.status == 409
        response.body.error == 'email_taken'
        query('SELECT count(*) FROM agent WHERE email = ?', email) == 1
    }

    def 'signing in with the right password answers a new token pair'() {
        given:
        def email = uniqueEmail()
        signup(email)

        when:
        def response = login(" ${email.toUpperCase()}")

        then:
        response.status == 200
        response.body.agent.email == email
        me(response.body.access_token).status == 200
    }

    def 'me answers the profile of the signed-in agent'() {
        given:
        def body = signup()

        when:
        def response = me(body.access_token)

        then:
        response.status == 200
        response.body == body.agent
    }

    def 'a profile change applies the fields given and leaves the others'() {
        given:
        def body = signup()
        def email = uniqueEmail()

        when:
        def response = send(patch('/v1/agents/me', [name: ' Grace Hopper ', email: email.toUpperCase(), avatar_url: 'https://example.com/grace.png'])
                .bearerAuth(body.access_token))

        then:
        response.status == 200
        response.body == [id: body.agent.id, email: email, name: 'Grace Hopper', avatar_url: 'https://example.com/grace.png', email_verified: false]
        me(body.access_token).body == response.body

        when:
        def removed = send(patch('/v1/agents/me', [avatar_url: '']).bearerAuth(body.access_token))

        then:
        removed.body == [id: body.agent.id, email: email, name: 'Grace Hopper', email_verified: false]
        login(email).status == 200
    }

    def 'a profile change to an email another agent uses is refused with 409'() {
        given:
        def other = signup()
        def body = signup()

        when:
        def response = send(patch('/v1/agents/me', [email: other.agent.email]).bearerAuth(body.access_token))

        then:
        response.status == 409
        response.body.error == 'email_taken'
        me(body.access_token).body.email == body.agent.email
    }

    def 'a password change needs the current password, then only the new one signs in'() {
        given:
        def body = signup()

        when:
        def response = send(post('/v1/auth/password', [current_password: PASSWORD, new_password: 'an-even-better-secret'])
                .bearerAuth(body.access_token))

        then:
        response.status == 200
        response.body.agent == body.agent
        me(response.body.access_token).status == 200
        login(body.agent.email).status == 401
        login(body.agent.email, 'an-even-better-secret').status == 200
    }

    def 'a password change with a wrong current password is refused with 403 and changes nothing'() {
        given:
        def body = signup()

        when:
        def response = send(post('/v1/auth/password', [current_password: 'not-the-password', new_password: 'an-even-better-secret'])
                .bearerAuth(body.access_token))

        then:
        response.status == 403
        response.body.error == 'wrong_password'
        response.body.message.contains('current_password')
        login(body.agent.email).status == 200
    }

    def 'a #kind password is refused at sign-up, naming the field'() {
        when:
        def response = send(post('/v1/auth/signup', [email: uniqueEmail(), password: password, name: 'Ada']))

        then:
        response.status == 400
        response.body.errors == [[field: 'password', message: message]]

        where:
        kind     | password      || message
        'short'  | 'short-pw1'   || 'must be at least 10 characters long'
        'common' | 'password123' || 'is too common: choose one that is harder to guess'
        'common' | 'QwertyUiop'  || 'is too common: choose one that is harder to guess'
    }

    def 'a #kind new password is refused, naming the field'() {
        given:
        def body = signup()

        when:
        def response = send(post('/v1/auth/password', [current_password: PASSWORD, new_password: password]).bearerAuth(body.access_token))

        then:
        response.status == 400
        response.body.errors*.field == ['new_password']
        login(body.agent.email).status == 200

        where:
        kind     | password
        'short'  | 'tiny'
        'common' | '1234567890'
    }

    def 'disabling the agent needs its password, then refuses its sign-in and its tokens here'() {
        given:
        def body = signup()

        when:
        def wrong = send(delete('/v1/agents/me', [password: 'not-the-password']).bearerAuth(body.access_token))

        then:
        wrong.status == 403
        me(body.access_token).status == 200

        when:
        def response = send(delete('/v1/agents/me', [password: PASSWORD]).bearerAuth(body.access_token))

        then:
        response.status == 204
        query('SELECT disabled_at IS NOT NULL FROM agent WHERE id = ?::uuid', body.agent.id)
        login(body.agent.email).status == 401
        me(body.access_token).status == 401
        refresh(body.refresh_token).status == 401
    }

    def 'signing out revokes the session of the refresh token given'() {
        given:
        def body = signup()
        def other = login(body.agent.email).body

        when:
        def response = send(post('/v1/auth/logout', [refresh_token: body.refresh_token]).bearerAuth(body.access_token))

        then:
        response.status == 204
        refresh(body.refresh_token).status == 401
        refresh(other.refresh_token).status == 200
    }

    def "signing out with another agent's refresh token leaves that session alone"() {
        given:
        def victim = signup()
        def caller = signup()

        when:
        def response = send(post('/v1/auth/logout', [refresh_token: victim.refresh_token]).bearerAuth(caller.access_token))

        then:
        response.status == 204
        refresh(victim.refresh_token).status == 200
    }

    def 'the OpenAPI document describes every endpoint and hides the authenticated agent parameter'() {
        when:
        def document = httpClient.toBlocking().retrieve(HttpRequest.GET('/swagger/zendo-identity-v1.yml'))

        then:
        ['/v1/auth/signup', '/v1/auth/login', '/v1/auth/refresh', '/v1/auth/logout', '/v1/auth/me', '/v1/auth/password',
         '/v1/agents/me', '/.well-known/jwks.json'].every { document.contains("${it}:") }
        !document.contains('AuthenticatedAgent')
    }
}
