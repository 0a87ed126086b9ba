package dev.zendo.platform.ratelimit

import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CountDownLatch

/** Costly work runs at most N at a time; a caller that finds no free turn in time gets a 503 with Retry-After. */
class ConcurrencyLimitSpec extends Specification {

    def 'a caller over the bound waits, then is refused with 503 and Retry-After'() {
        given:
        def limit = new ConcurrencyLimit(1, Duration.ofMillis(50))
        def working = new CountDownLatch(1)
        def finish = new CountDownLatch(1)
        def holder = CompletableFuture.supplyAsync { limit.call { working.countDown(); finish.await(); 'held' } }
        working.await()

        when:
        limit.call { 'second' }

        then:
        def e = thrown(RetryLaterException)
        e.status.code == 503
        e.code() == 'busy'
        e.retryAfterSeconds() == 1

        cleanup:
        finish.countDown()
        holder.get()
    }

    def 'a turn is given back when the work ends, even when it fails'() {
        given:
        def limit = new ConcurrencyLimit(1, Duration.ofMillis(50))

        when:
        limit.call { throw new IllegalStateException('boom') }

        then:
        thrown(IllegalStateException)
        limit.call { 'next' } == 'next'
    }

    def 'a bound below one is refused'() {
        when:
        new ConcurrencyLimit(0, Duration.ofSeconds(1))

        then:
        thrown(IllegalArgumentException)
    }
}
