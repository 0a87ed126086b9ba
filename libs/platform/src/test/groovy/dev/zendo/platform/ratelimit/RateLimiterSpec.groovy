package dev.zendo.platform.ratelimit

import dev.zendo.testsupport.Causes
import dev.zendo.testsupport.TestInfra
import io.micronaut.context.ApplicationContext
import io.micronaut.inject.qualifiers.Qualifiers
import redis.clients.jedis.JedisPooled
import redis.clients.jedis.params.ScanParams
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS

/** Limits are counted in Redis, atomically: however many requests race, no more permits are given than a limit has. */
class RateLimiterSpec extends Specification {

    static final int CAPACITY = 5

    @Shared
    @AutoCleanup
    ApplicationContext context = ApplicationContext.run(servers() + [
            'zendo.rate-limits.spec.capacity': CAPACITY,
            'zendo.rate-limits.spec.period'  : '1h',
    ] as Map<String, Object>)

    RateLimiter limiter = context.getBean(RateLimiter)
    RateLimit limit = context.getBean(RateLimit, Qualifiers.byName('spec'))

    def 'parallel requests for one key never get more permits than the limit has'() {
        given:
        def key = TestInfra.uniqueName('racer')
        def pool = Executors.newFixedThreadPool(16)
        def start = new CountDownLatch(1)

        when:
        def futures = (1..40).collect {
            pool.submit({
                start.await()
                try {
                    limiter.acquire(limit, key)
                    'granted'
                } catch (RetryLaterException ignored) {
                    'refused'
                }
            } as Callable<String>)
        }
        start.countDown()
        def outcomes = futures*.get()

        then:
        outcomes.count('granted') == CAPACITY
        outcomes.count('refused') == 40 - CAPACITY

        cleanup:
        pool.shutdownNow()
    }

    def 'a refusal is a 429 that says when the window refills'() {
        given:
        def key = TestInfra.uniqueName('eager')
        CAPACITY.times { limiter.acquire(limit, key) }

        when:
        limiter.acquire(limit, key)

        then:
        def e = thrown(RetryLaterException)
        e.status.code == 429
        e.code() == 'too_many_requests'
        (e.retryAfterSeconds() as int) in 1..3600
    }

    def 'each key has permits of its own'() {
        given:
        def spent = TestInfra.uniqueName('spent')
        CAPACITY.times { limiter.acquire(limit, spent) }

        when:
        limiter.acquire(limit, TestInfra.uniqueName('fresh'))

        then:
        noExceptionThrown()
    }

    def 'a released permit can be taken again, and a reset key starts with every permit'() {
        given:
        def key = TestInfra.uniqueName('returner')
        CAPACITY.times { limiter.acquire(limit, key) }

        when:
        limiter.release(limit, key)
        limiter.acquire(limit, key)
        limiter.reset(limit, key)
        CAPACITY.times { limiter.acquire(limit, key) }

        then:
        noExceptionThrown()
    }

    def 'the key itself is not written to Redis, only its hash'() {
        given:
        def key = TestInfra.uniqueName('someone') + '@example.com'

        when:
        limiter.acquire(limit, key)

        then:
        def stored = context.getBean(JedisPooled).scan('0', new ScanParams().match('zendo:rate-limit:spec:*').count(10_000)).result
        !stored.empty
        stored.every { !it.contains(key) }
    }

    def 'zendo.rate-limits.bad.#setting = #value stops the start, saying #reason'() {
        when:
        ApplicationContext.run(servers() + [
                ("zendo.rate-limits.bad.$setting".toString()): value] as Map<String, Object>).close()

        then:
        def e = thrown(Exception)
        Causes.of(e).any { it.message?.contains(reason) }

        where:
        setting    | value  || reason
        'capacity' | '0'    || 'capacity'
        'period'   | '10ms' || 'zendo.rate-limits.bad.period must be at least PT1S'
    }

    private static Map<String, Object> servers() {
        TestInfra.properties('platform', KAFKA, REDIS) + ['zendo.redis.timeout': '2s'] as Map<String, Object>
    }
}
