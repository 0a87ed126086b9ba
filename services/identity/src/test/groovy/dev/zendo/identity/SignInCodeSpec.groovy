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
import static dev.zendo.events.v1.Envelope.PayloadCase.SIGN_IN_CODE_REQUESTED

/**
 * Sign-in by a 6-digit code mailed to the agent: the same answer for every email, requests throttled per email and
 * per address, codes stored salted and hashed, valid 10 minutes, used once, burned after 5 wrong tries, and tries
 * throttled like password sign-ins.
 */
class SignInCodeSpec extends IdentitySpecification {

    static final int REQUEST_EMAIL_LIMIT = 3
    static final int REQUEST_ADDRESS_LIMIT = 5
    static final int LOGIN_EMAIL_LIMIT = 10

    Map<String, Object> settings() {
        ['spec.clock'                                     : 'stepping',
         'zendo.rate-limits.sign-in-code-email.capacity'  : REQUEST_EMAIL_LIMIT,
         'zendo.rate-limits.sign-in-code-email.period'    : '1h',
         'zendo.rate-limits.sign-in-code-address.capacity': REQUEST_ADDRESS_LIMIT,
         'zendo.rate-limits.sign-in-code-address.period'  : '1h',
         'zendo.rate-limits.login-email.capacity'         : LOGIN_EMAIL_LIMIT,
         'zendo.rate-limits.login-email.period'           : '1h',
         'zendo.rate-limits.login-address.capacity'       : 1000,
         'zendo.rate-limits.login-address.period'         : '1h']
    }

    SteppingClock getClock() {
        context.getBean(Clock) as SteppingClock
    }

    def 'a known agent gets an event whose sealed code signs in once, answering as a login does, and verifies the email'() {
        given:
        def session = signup()
        def agent = session.agent

        when:
        def response = requestCode(agent.email, randomAddress(), 'de')

        then:
        response.status == 202
        response.body == [:]
        def event = awaitEvents(agent.id, SIGN_IN_CODE_REQUESTED)[0]
        with(event.signInCodeRequested) {
            agentId == agent.id
            email == agent.email
            name == agent.name
            language == 'de'
            Duration.between(clock.instant(), Instant.ofEpochSecond(expiresAt.seconds, expiresAt.nanos)) == Duration.ofMinutes(10)
        }

        when:
        def code = codeOf(event)
        def signedIn = verify(agent.email.toUpperCase(), code)

        then:
        code ==~ /[0-9]{6}/
        signedIn.status == 200
        signedIn.body.keySet() == login(agent.email).body.keySet()
        signedIn.body.token_type == 'Bearer'
        signedIn.body.agent == agent + [email_verified: true]
        claims(signedIn.body.access_token).email_verified == true
        me(signedIn.body.access_token).status == 200
        refresh(signedIn.body.refresh_token).status == 200
        with(outboxEvents(agent.id).last()) {
            payloadCase == AGENT_UPDATED
            agentUpdated.emailVerified
        }

        and: 'the code is used up'
        verify(agent.email, code).status == 401
        query('SELECT count(*) FROM sign_in_code WHERE agent_id = ?::uuid', agent.id) == 0
    }

    def 'a known, an unknown and a disabled email get the same answer; only the known enabled agent gets a code'() {
        given:
        def known = signup().agent
        def disabled = signup()
        send(delete('/v1/agents/me', [password: PASSWORD]).bearerAuth(disabled.access_token))

        when:
        def answers = [known.email, uniqueEmail(), disabled.agent.email].collect { requestCode(it) }

        then:
        answers*.status == [202, 202, 202]
        answers*.body.toSet() == [[:]].toSet()
        answers.collect { headersOf(it) }.toSet().size() == 1
        awaitEvents(known.id, SIGN_IN_CODE_REQUESTED).size() == 1
        query('SELECT count(*) FROM sign_in_code WHERE agent_id = ?::uuid', disabled.agent.id) == 0
    }

    def 'a wrong code and an unknown email get the same 401 invalid_code'() {
        given:
        def agent = signup().agent
        requestCode(agent.email)
        def code = codeOf(awaitEvents(agent.id, SIGN_IN_CODE_REQUESTED)[0])

        when:
        def wrong = verify(agent.email, otherThan(code))
        def unknown = verify(uniqueEmail(), code)
        def noCode = verify(signup().agent.email, code)

        then:
        [wrong, unknown, noCode]*.status == [401, 401, 401]
        wrong.body == [status: 401, error: 'invalid_code', message: 'The code is not correct or no longer valid: ask for a new one.']
        unknown.body == wrong.body
        noCode.body == wrong.body
        verify(agent.email, code).status == 200
    }

    def 'after #failures wrong codes the right one #outcome'() {
        given:
        def agent = signup().agent
        requestCode(agent.email)
        def code = codeOf(awaitEvents(agent.id, SIGN_IN_CODE_REQUESTED)[0])
        failures.times { assert verify(agent.email, otherThan(code)).status == 401 }

        expect:
        verify(agent.email, code).status == status

        where:
        failures || status | outcome
        4        || 200    | 'still signs in'
        5        || 401    | 'is burned'
    }

    def 'a new request replaces the open code, and its failures'() {
        given:
        def agent = signup().agent
        requestCode(agent.email)
        def first = codeOf(awaitEvents(agent.id, SIGN_IN_CODE_REQUESTED)[0])
        4.times { verify(agent.email, otherThan(first)) }

        when:
        requestCode(agent.email)
        def second = codeOf(awaitEvents(agent.id, SIGN_IN_CODE_REQUESTED, 2)[1])

        then:
        query('SELECT failed_attempts FROM sign_in_code WHERE agent_id = ?::uuid', agent.id) == 0
        first == second || verify(agent.email, first).status == 401
        verify(agent.email, second).status == 200
    }

    def '#clients verifications of one code at once: exactly one signs in'() {
        given:
        def agent = signup().agent
        requestCode(agent.email)
        def code = codeOf(awaitEvents(agent.id, SIGN_IN_CODE_REQUESTED)[0])
        def barrier = new CyclicBarrier(clients)
        def pool = Executors.newFixedThreadPool(clients)

        when:
        def answers = pool.invokeAll((1..clients).collect { { -> barrier.await(); verify(agent.email, code) } as Callable<Map> })*.get()

        then:
        answers*.status.sort() == [200] + [401] * (clients - 1)
        query('SELECT count(*) FROM refresh_token WHERE agent_id = ?::uuid', agent.id) == 2

        cleanup:
        pool.shutdown()

        where:
        clients << [2, 8]
    }

    def 'a code #age old #outcome'() {
        given:
        def agent = signup().agent
        requestCode(agent.email)
        def code = codeOf(awaitEvents(agent.id, SIGN_IN_CODE_REQUESTED)[0])

        when:
        advanceClock(age)

        then:
        verify(agent.email, code).status == status

        where:
        age                                   || status | outcome
        Duration.ofMinutes(10).minusMillis(1) || 200    | 'signs in'
        Duration.ofMinutes(10)                || 401    | 'is refused'
    }

    def 'expired codes are deleted by the janitor'() {
        given:
        def agent = signup().agent
        requestCode(agent.email)
        awaitEvents(agent.id, SIGN_IN_CODE_REQUESTED)

        when:
        advanceClock(Duration.ofMinutes(11))
        context.getBean(ExpiredSecretsJanitor).deleteExpired()

        then:
        query('SELECT count(*) FROM sign_in_code WHERE agent_id = ?::uuid', agent.id) == 0
    }

    def 'wrong codes are throttled per email like password sign-ins, known or unknown'() {
        given:
        def known = signup().agent.email
        def unknown = uniqueEmail()
        LOGIN_EMAIL_LIMIT.times {
            verify(known, '000000', randomAddress())
            verify(unknown, '000000', randomAddress())
        }

        when:
        def knownRefused = verify(known, '000000', randomAddress())
        def unknownRefused = verify(unknown, '000000', randomAddress())

        then:
        knownRefused.status == 429
        knownRefused.body == unknownRefused.body
        (knownRefused.headers.get('Retry-After') as int) in 1..3600
        login(known).status == 429
    }

    def 'requests are limited per email and per address, with the same 429 for known and unknown emails'() {
        given:
        def known = signup().agent.email
        def unknown = uniqueEmail()
        REQUEST_EMAIL_LIMIT.times {
            assert requestCode(known).status == 202
            assert requestCode(unknown).status == 202
        }
        def address = randomAddress()
        REQUEST_ADDRESS_LIMIT.times { assert requestCode(uniqueEmail(), address).status == 202 }

        when:
        def knownRefused = requestCode(known)
        def unknownRefused = requestCode(unknown)
        def addressRefused = requestCode(signup().agent.email, address)

        then:
        [knownRefused, unknownRefused, addressRefused]*.status == [429, 429, 429]
        knownRefused.body == unknownRefused.body
        (knownRefused.headers.get('Retry-After') as int) in 1..3600
    }

    def 'the code is never stored, published or logged in clear, and never hashed without its salt'() {
        given:
        def logs = captureLogs()
        def agent = signup().agent

        when:
        requestCode(agent.email)
        def event = awaitEvents(agent.id, SIGN_IN_CODE_REQUESTED)[0]
        def code = codeOf(event)
        def row = [salt     : query('SELECT salt FROM sign_in_code WHERE agent_id = ?::uuid', agent.id),
                   code_hash: query('SELECT code_hash FROM sign_in_code WHERE agent_id = ?::uuid', agent.id)]
        verify(agent.email, otherThan(code))
        verify(agent.email, code)
        def logged = release(logs)

        then:
        !new String(event.toByteArray(), StandardCharsets.ISO_8859_1).contains(code)
        !logged.contains("\"$code\"") && !logged.contains(" $code ") && !logged.contains("=$code")
        !row.values().any { it.contains(code) }
        row.code_hash != sha256(code)
        row.code_hash == sha256("$row.salt:$code")

        cleanup:
        logs.stop()
    }

    private Map requestCode(String email, String address = randomAddress(), String language = null) {
        def request = post('/v1/auth/sign-in-code', [email: email]).header('X-Forwarded-For', address)
        if (language) {
            request.header('Accept-Language', language)
        }
        send(request)
    }

    private Map verify(String email, String code, String address = randomAddress()) {
        send(post('/v1/auth/sign-in-code/verify', [email: email, code: code]).header('X-Forwarded-For', address))
    }

    private static String otherThan(String code) {
        String.format('%06d', (Integer.parseInt(code) + 1) % 1_000_000)
    }

    private static String sha256(String text) {
        Base64.urlEncoder.withoutPadding().encodeToString(MessageDigest.getInstance('SHA-256').digest(text.getBytes(StandardCharsets.UTF_8)))
    }

    /** The answer's headers but its date, which says nothing about the email. */
    private static Map headersOf(Map response) {
        response.headers.names().findAll { !it.equalsIgnoreCase('Date') }.collectEntries { [(it.toLowerCase()): response.headers.getAll(it)] }
    }

    private static String codeOf(Envelope event) {
        opened(event.signInCodeRequested.sealedCode, NotificationsSealer.SIGN_IN_CODE)
    }
}
