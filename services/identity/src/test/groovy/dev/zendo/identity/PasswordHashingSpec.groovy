package dev.zendo.identity

import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

/**
 * Password hashing runs a bounded number of hashes at once: when every turn is taken, a request waits briefly and
 * is then answered 503 with Retry-After and the JSON error body, never an error of the service itself.
 */
class PasswordHashingSpec extends IdentitySpecification {

    static final int CLIENTS = 6

    Map<String, Object> settings() {
        // One turn, held for a long time by a costly hash, and almost no waiting for it.
        ['zendo.identity.argon2-max-concurrent': 1,
         'zendo.identity.argon2-max-wait'      : '1ms',
         'zendo.identity.argon2-memory-kib'    : 65536,
         'zendo.identity.argon2-iterations'    : 4]
    }

    def 'sign-ins beyond the hashing bound get 503 with Retry-After, the rest are answered as usual'() {
        given:
        def pool = Executors.newFixedThreadPool(CLIENTS)
        def start = new CountDownLatch(1)

        when:
        def futures = (1..CLIENTS).collect {
            pool.submit({
                start.await()
                send(post('/v1/auth/login', [email: uniqueEmail(), password: 'wrong-password']).header('X-Forwarded-For', randomAddress()))
            } as Callable<Map>)
        }
        start.countDown()
        def answers = futures*.get()
        def busy = answers.findAll { it.status == 503 }

        then:
        answers*.status.every { it in [401, 503] }
        answers.count { it.status == 401 } >= 1
        !busy.empty
        busy.every { it.body.status == 503 && it.body.error == 'busy' && it.body.message == 'The service is busy; try again shortly.' }
        busy.every { (it.headers.get('Retry-After') as int) == 1 }

        cleanup:
        pool.shutdownNow()
    }
}
