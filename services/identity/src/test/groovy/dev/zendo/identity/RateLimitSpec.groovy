package dev.zendo.identity

import java.security.MessageDigest

/** Sign-ups are limited per client address and token refreshes per session; over a limit the answer is 429 with Retry-After. */
class RateLimitSpec extends IdentitySpecification {

    static final int SIGNUPS = 3
    static final int REFRESHES = 2

    Map<String, Object> settings() {
        ['zendo.rate-limits.signup-address.capacity' : SIGNUPS,
         'zendo.rate-limits.signup-address.period'   : '1h',
         'zendo.rate-limits.refresh-family.capacity' : REFRESHES,
         'zendo.rate-limits.refresh-family.period'   : '1h']
    }

    def 'an address that signed up too often is refused before its password is hashed'() {
        given:
        def address = randomAddress()
        SIGNUPS.times { assert signupFrom(address, uniqueEmail()).status == 201 }

        when:
        def refused = signupFrom(address, uniqueEmail())
        def elsewhere = signupFrom(randomAddress(), uniqueEmail())

        then:
        refused.status == 429
        refused.body == [status: 429, error: 'too_many_requests', message: 'Too many requests; try again later.']
        (refused.headers.get('Retry-After') as int) in 1..3600
        elsewhere.status == 201
    }

    def 'a session that refreshed too often is refused until its window ends, and other sessions are not'() {
        given:
        def email = signup().agent.email
        def token = login(email).body.refresh_token
        REFRESHES.times {
            def next = refresh(token)
            assert next.status == 200
            token = next.body.refresh_token
        }

        when:
        def refused = refresh(token)
        def otherSession = refresh(login(email).body.refresh_token)

        then:
        refused.status == 429
        refused.body.error == 'too_many_requests'
        (refused.headers.get('Retry-After') as int) in 1..3600
        otherSession.status == 200
    }

    def 'a refused refresh neither uses up nor revokes its token'() {
        given:
        def token = login(signup().agent.email).body.refresh_token
        REFRESHES.times { token = refresh(token).body.refresh_token }

        when:
        def refused = refresh(token)

        then:
        refused.status == 429
        query('SELECT count(*) FROM refresh_token WHERE token_hash = ? AND used_at IS NULL AND revoked_at IS NULL', sha256(token)) == 1
    }

    private Map signupFrom(String address, String email) {
        send(post('/v1/auth/signup', [email: email, password: PASSWORD, name: 'Ada Lovelace']).header('X-Forwarded-For', address))
    }

    private static String sha256(String token) {
        Base64.urlEncoder.withoutPadding().encodeToString(MessageDigest.getInstance('SHA-256').digest(token.bytes))
    }
}
