package dev.zendo.identity

import dev.zendo.events.v1.Envelope
import dev.zendo.identity.accountmail.ExpiredSecretsJanitor
import dev.zendo.identity.accountmail.NotificationsSealer
import dev.zendo.testsupport.SteppingClock

import java.nio.charset.StandardCharsets
import java.security.MessageDigest
import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CyclicBarrier
import java.util.concurrent.Executors

import static dev.zendo.events.v1.Envelope.PayloadCase.AGENT_UPDATED
import static dev.zendo.events.v1.Envelope.PayloadCase.PASSWORD_RESET_REQUESTED

/**
 * A forgotten password is reset with a link mailed to the agent: the same answer for every email, throttled per email
 * and per address, a single-use token stored only hashed that expires after 30 minutes; a reset revokes every
 * session and verifies the email.
 */
class PasswordResetSpec extends IdentitySpecification {

    static final int EMAIL_LIMIT = 2
    static final int ADDRESS_LIMIT = 4
    static final String NEW_PASSWORD = 'a-brand-new-secret-7'

    Map<String, Object> settings() {
        ['spec.clock'                                       : 'stepping',
         'zendo.rate-limits.password-reset-email.capacity'  : EMAIL_LIMIT,
         'zendo.rate-limits.password-reset-email.period'    : '1h',
         'zendo.rate-limits.password-reset-address.capacity': ADDRESS_LIMIT,
         'zendo.rate-limits.password-reset-address.period'  : '1h']
    }

    SteppingClock getClock() {
        context.getBean(Clock) as SteppingClock
    }

    def 'a known agent gets an event, written with the reset, whose sealed token sets a new password once'() {
        given:
        def agent = signup().agent

        when:
        def response = requestReset(agent.email.toUpperCase(), randomAddress(), 'es-ES,es;q=0.9')

        then:
        response.status == 202
        response.body == [:]
        def event = awaitEvents(agent.id, PASSWORD_RESET_REQUESTED)[0]
        with(event.passwordResetRequested) {
            agentId == agent.id
            email == agent.email
            name == agent.name
            resetPathTemplate == '/reset-password#token={token}'
            language == 'es'
            Duration.between(clock.instant(), Instant.ofEpochSecond(expiresAt.seconds, expiresAt.nanos)) == Duration.ofMinutes(30)
        }
        query('SELECT count(*) FROM password_reset WHERE agent_id = ?::uuid', agent.id) == 1

        when:
        def token = tokenOf(event)
        def confirmed = confirm(token, NEW_PASSWORD)

        then:
        confirmed.status == 204
        login(agent.email).status == 401
        login(agent.email, NEW_PASSWORD).status == 200
        confirm(token, 'yet-another-secret-8').status == 404
        login(agent.email, NEW_PASSWORD).status == 200
        query('SELECT count(*) FROM password_reset WHERE agent_id = ?::uuid', agent.id) == 0
    }

    def 'a reset revokes every session of the agent and verifies its email'() {
        given:
        def session = signup()
        def other = login(session.agent.email).body
        requestReset(session.agent.email)
        def token = tokenOf(awaitEvents(session.agent.id, PASSWORD_RESET_REQUESTED)[0])

        when:
        confirm(token, NEW_PASSWORD)

        then:
        refresh(session.refresh_token).status == 401
        refresh(other.refresh_token).status == 401
        query('SELECT count(*) FROM refresh_token WHERE agent_id = ?::uuid AND revoked_at IS NULL', session.agent.id) == 0
        me(session.access_token).body.email_verified == true
        with(outboxEvents(session.agent.id).last()) {
            payloadCase == AGENT_UPDATED
            agentUpdated.emailVerified
        }
    }

    def 'a known, an unknown and a disabled email get the same answer; only the known enabled agent gets a reset'() {
        given:
        def known = signup().agent
        def disabled = signup()
        send(delete('/v1/agents/me', [password: PASSWORD]).bearerAuth(disabled.access_token))
        def unknownEmail = uniqueEmail()

        when:
        def answers = [known.email, unknownEmail, disabled.agent.email].collect { requestReset(it) }

        then:
        answers*.status == [202, 202, 202]
        answers*.body.toSet() == [[:]].toSet()
        answers.collect { headersOf(it) }.toSet().size() == 1
        awaitEvents(known.id, PASSWORD_RESET_REQUESTED).size() == 1

        and: 'nothing is written for the others, once the known one is'
        query('SELECT count(*) FROM password_reset WHERE agent_id = ?::uuid', disabled.agent.id) == 0
        outboxEvents(disabled.agent.id).every { it.payloadCase != PASSWORD_RESET_REQUESTED }
        query('SELECT count(*) FROM agent WHERE email = ?', unknownEmail) == 0
    }

    def 'asking again replaces the open link'() {
        given:
        def agent = signup().agent
        requestReset(agent.email)
        def first = tokenOf(awaitEvents(agent.id, PASSWORD_RESET_REQUESTED)[0])

        when:
        requestReset(agent.email)
        def second = tokenOf(awaitEvents(agent.id, PASSWORD_RESET_REQUESTED, 2)[1])

        then:
        confirm(first, NEW_PASSWORD).status == 404
        confirm(second, NEW_PASSWORD).status == 204
    }

    def '#clients confirmations of one token at once: exactly one sets its password, the others find no token'() {
        given:
        def agent = signup().agent
        requestReset(agent.email)
        def token = tokenOf(awaitEvents(agent.id, PASSWORD_RESET_REQUESTED)[0])
        def passwords = (1..clients).collect { "concurrent-secret-$it-of-$clients".toString() }
        def barrier = new CyclicBarrier(clients)
        def pool = Executors.newFixedThreadPool(clients)

        when:
        def answers = pool.invokeAll(passwords.collect { password -> { -> barrier.await(); confirm(token, password) } as Callable<Map> })*.get()

        then:
        answers*.status.sort() == [204] + [404] * (clients - 1)
        def winner = passwords[answers.findIndexOf { it.status == 204 }]
        login(agent.email, winner).status == 200
        (passwords - winner).every { login(agent.email, it).status == 401 }

        cleanup:
        pool.shutdown()

        where:
        clients << [2, 4]
    }

    def 'a link #age old answers #status'() {
        given:
        def agent = signup().agent
        requestReset(agent.email)
        def token = tokenOf(awaitEvents(agent.id, PASSWORD_RESET_REQUESTED)[0])

        when:
        advanceClock(age)
        def response = confirm(token, NEW_PASSWORD)

        then:
        response.status == status
        login(agent.email, NEW_PASSWORD).status == (status == 204 ? 200 : 401)

        where:
        age                                  || status
        Duration.ofMinutes(30).minusMillis(1) || 204
        Duration.ofMinutes(30)               || 410
        Duration.ofHours(2)                  || 410
    }

    def 'expired links are deleted by the janitor'() {
        given:
        def agent = signup().agent
        requestReset(agent.email)
        def token = tokenOf(awaitEvents(agent.id, PASSWORD_RESET_REQUESTED)[0])

        when:
        advanceClock(Duration.ofMinutes(31))
        context.getBean(ExpiredSecretsJanitor).deleteExpired()

        then:
        query('SELECT count(*) FROM password_reset WHERE agent_id = ?::uuid', agent.id) == 0
        confirm(token, NEW_PASSWORD).status == 404
    }

    def 'a confirmation with #problem answers #status #error and changes nothing'() {
        given:
        def agent = signup().agent
        requestReset(agent.email)
        def token = tokenOf(awaitEvents(agent.id, PASSWORD_RESET_REQUESTED)[0])

        when:
        def response = confirm(tokenFor(token), password)

        then:
        response.status == status
        response.body.error == error
        !field || response.body.errors*.field == [field]
        login(agent.email).status == 200
        query('SELECT count(*) FROM password_reset WHERE agent_id = ?::uuid', agent.id) == 1

        where:
        problem                 | tokenFor                       | password          || status | error             | field
        'an unknown token'      | { 'B' * 43 }                   | NEW_PASSWORD      || 404    | 'token_not_found' | null
        'a token cut short'     | { it.substring(0, 42) }        | NEW_PASSWORD      || 404    | 'token_not_found' | null
        'a short password'      | { it }                         | 'short'           || 400    | 'invalid_request' | 'new_password'
        'a common password'     | { it }                         | 'password1234'    || 400    | 'invalid_request' | 'new_password'
        'no password'           | { it }                         | null              || 400    | 'invalid_request' | 'new_password'
    }

    def 'requests are limited per email, from any address: past the limit a known and an unknown email get the same 429'() {
        given:
        def known = signup().agent.email
        def unknown = uniqueEmail()
        EMAIL_LIMIT.times {
            assert requestReset(known).status == 202
            assert requestReset(unknown).status == 202
        }

        when:
        def knownRefused = requestReset(known)
        def unknownRefused = requestReset(unknown)

        then:
        knownRefused.status == 429
        knownRefused.body == unknownRefused.body
        knownRefused.body == [status: 429, error: 'too_many_requests', message: 'Too many requests; try again later.']
        (knownRefused.headers.get('Retry-After') as int) in 1..3600
        (unknownRefused.headers.get('Retry-After') as int) in 1..3600
    }

    def 'requests are limited per client address, whatever the email'() {
        given:
        def address = randomAddress()
        ADDRESS_LIMIT.times { assert requestReset(uniqueEmail(), address).status == 202 }

        when:
        def refused = requestReset(signup().agent.email, address)

        then:
        refused.status == 429
        refused.body.error == 'too_many_requests'
        requestReset(uniqueEmail(), randomAddress()).status == 202
    }

    def 'the token is never stored, published or logged in clear'() {
        given:
        def logs = captureLogs()
        def agent = signup().agent

        when:
        requestReset(agent.email)
        def event = awaitEvents(agent.id, PASSWORD_RESET_REQUESTED)[0]
        def token = tokenOf(event)
        def storedHash = query('SELECT token_hash FROM password_reset WHERE agent_id = ?::uuid', agent.id)
        confirm(token, 'short')
        confirm(token, NEW_PASSWORD)
        confirm(token, NEW_PASSWORD)
        def logged = release(logs)

        then:
        token ==~ /[A-Za-z0-9_-]{43}/
        storedHash == Base64.urlEncoder.withoutPadding().encodeToString(MessageDigest.getInstance('SHA-256').digest(token.getBytes(StandardCharsets.UTF_8)))
        !new String(event.toByteArray(), StandardCharsets.ISO_8859_1).contains(token)
        !logged.contains(token)

        cleanup:
        logs.stop()
    }

    private Map requestReset(String email, String address = randomAddress(), String language = null) {
        def request = post('/v1/auth/password-reset', [email: email]).header('X-Forwarded-For', address)
        if (language) {
            request.header('Accept-Language', language)
        }
        send(request)
    }

    private Map confirm(String token, String password) {
        send(post('/v1/auth/password-reset/confirm', [token: token, new_password: password]))
    }

    /** The answer's headers but its date, which says nothing about the email. */
    private static Map headersOf(Map response) {
        response.headers.names().findAll { !it.equalsIgnoreCase('Date') }.collectEntries { [(it.toLowerCase()): response.headers.getAll(it)] }
    }

    private static String tokenOf(Envelope event) {
        opened(event.passwordResetRequested.sealedToken, NotificationsSealer.RESET_TOKEN)
    }
}
