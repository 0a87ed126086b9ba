package dev.zendo.identity

import io.micrometer.core.instrument.MeterRegistry

import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

/**
 * Failed password checks are counted per email and per client address, atomically in Redis; past a limit the
 * answer is 429 with Retry-After. A failure says nothing about whether the email exists.
 */
class LoginThrottleSpec extends IdentitySpecification {

    static final int EMAIL_LIMIT = 3
    static final int ADDRESS_LIMIT = 6
    static final int GUESSES = 12

    Map<String, Object> settings() {
        ['zendo.rate-limits.login-email.capacity'  : EMAIL_LIMIT,
         'zendo.rate-limits.login-email.period'    : '1m',
         'zendo.rate-limits.login-address.capacity': ADDRESS_LIMIT,
         'zendo.rate-limits.login-address.period'  : '1m']
    }

    def 'an email that failed too often is throttled from every address, even with the right password'() {
        given:
        def email = signup().agent.email
        EMAIL_LIMIT.times { assert loginFrom(randomAddress(), email, 'wrong-password').status == 401 }

        when:
        def response = loginFrom(randomAddress(), email, PASSWORD)

        then:
        response.status == 429
        response.body.error == 'too_many_requests'
        (response.headers.get('Retry-After') as int) in 1..60
    }

    def 'an address that failed too often is throttled for every email'() {
        given:
        def address = randomAddress()
        def email = signup().agent.email
        ADDRESS_LIMIT.times { assert loginFrom(address, uniqueEmail(), 'wrong-password').status == 401 }

        when:
        def throttled = loginFrom(address, email, PASSWORD)
        def elsewhere = loginFrom(randomAddress(), email, PASSWORD)

        then:
        throttled.status == 429
        (throttled.headers.get('Retry-After') as int) in 1..60
        elsewhere.status == 200
    }

    def "a successful sign-in forgets the email's failures"() {
        given:
        def email = signup().agent.email
        (EMAIL_LIMIT - 1).times { loginFrom(randomAddress(), email, 'wrong-password') }
        loginFrom(randomAddress(), email, PASSWORD)

        when:
        (EMAIL_LIMIT - 1).times { loginFrom(randomAddress(), email, 'wrong-password') }

        then:
        loginFrom(randomAddress(), email, PASSWORD).status == 200
    }

    def 'an unknown email, a wrong password and a disabled agent get the same status and body'() {
        given:
        def known = signup()
        def disabled = signup()
        send(delete('/v1/agents/me', [password: PASSWORD]).bearerAuth(disabled.access_token))

        when:
        def unknownEmail = loginFrom(randomAddress(), uniqueEmail(), PASSWORD)
        def wrongPassword = loginFrom(randomAddress(), known.agent.email, 'wrong-password')
        def disabledAgent = loginFrom(randomAddress(), disabled.agent.email, PASSWORD)

        then:
        [unknownEmail, wrongPassword, disabledAgent]*.status == [401, 401, 401]
        unknownEmail.body == wrongPassword.body
        disabledAgent.body == wrongPassword.body
        wrongPassword.body == [status: 401, error: 'invalid_credentials', message: 'The email or password is not correct.']
    }

    def 'parallel wrong guesses for one email never get more password checks than the limit'() {
        given:
        def email = signup().agent.email
        def pool = Executors.newFixedThreadPool(GUESSES)
        def start = new CountDownLatch(1)
        def checksBefore = passwordChecks()

        when:
        def futures = (1..GUESSES).collect {
            pool.submit({ start.await(); loginFrom(randomAddress(), email, 'wrong-password') } as Callable<Map>)
        }
        start.countDown()
        def answers = futures*.get()

        then:
        answers.count { it.status == 401 } == EMAIL_LIMIT
        answers.count { it.status == 429 } == GUESSES - EMAIL_LIMIT
        answers.findAll { it.status == 429 }.every { it.body.error == 'too_many_requests' && it.headers.get('Retry-After') }
        passwordChecks() - checksBefore == EMAIL_LIMIT

        cleanup:
        pool.shutdownNow()
    }

    def 'an unknown email costs a password check, like a wrong password'() {
        given:
        def email = signup().agent.email

        when:
        def before = passwordChecks()
        loginFrom(randomAddress(), email, 'wrong-password')
        def afterWrongPassword = passwordChecks()
        loginFrom(randomAddress(), uniqueEmail(), 'wrong-password')

        then:
        afterWrongPassword - before == 1
        passwordChecks() - afterWrongPassword == 1
    }

    def 'wrong current passwords are throttled like sign-ins'() {
        given:
        def body = signup()
        def change = [current_password: 'wrong-password', new_password: 'an-even-better-secret']
        EMAIL_LIMIT.times { assert send(post('/v1/auth/password', change).bearerAuth(body.access_token)).status == 403 }

        when:
        def response = send(post('/v1/auth/password', change + [current_password: PASSWORD]).bearerAuth(body.access_token))

        then:
        response.status == 429
        response.headers.get('Retry-After') != null
    }

    private Map loginFrom(String address, String email, String password) {
        send(post('/v1/auth/login', [email: email, password: password]).header('X-Forwarded-For', address))
    }

    private long passwordChecks() {
        context.getBean(MeterRegistry).timer('zendo.identity.password.checks').count()
    }
}
