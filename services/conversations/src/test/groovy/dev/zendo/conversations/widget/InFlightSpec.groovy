package dev.zendo.conversations.widget

import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.time.Duration
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.ExecutionException
import java.util.concurrent.Executors
import java.util.concurrent.Future
import java.util.concurrent.ThreadFactory
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException
import java.util.concurrent.atomic.AtomicInteger

/** Callers of one key share the lookup running for it; others, and later callers, run their own. */
class InFlightSpec extends Specification {

    static final Duration WAIT = Duration.ofSeconds(10)
    static final String POOL = 'in-flight-spec'

    InFlight<String, Integer> inFlight = new InFlight<>()
    AtomicInteger runs = new AtomicInteger()
    CountDownLatch started = new CountDownLatch(1)
    CountDownLatch release = new CountDownLatch(1)
    def pool = Executors.newCachedThreadPool({ new Thread(it, POOL) } as ThreadFactory)
    def conditions = new PollingConditions(timeout: 10)

    def cleanup() {
        release.countDown()
        pool.shutdownNow()
    }

    def 'callers of a key while its lookup runs all get that lookup’s answer, and it runs once'() {
        given: 'a lookup held running'
        def first = pool.submit({ inFlight.get('site-a', { held(42) }, WAIT) } as Callable<Integer>)
        started.await(10, TimeUnit.SECONDS)

        when: '31 more callers of the key arrive while it runs'
        def others = (1..31).collect { n -> pool.submit({ inFlight.get('site-a', { runs.incrementAndGet(); n }, WAIT) } as Callable<Integer>) }
        conditions.eventually {
            assert waiting() >= 31
        }
        release.countDown()

        then:
        ([first] + others)*.get(10, TimeUnit.SECONDS).every { it == 42 }
        runs.get() == 1
    }

    def 'a caller that comes after the lookup ended runs a new one'() {
        when:
        def answers = (1..3).collect { n -> inFlight.get('site-a', { runs.incrementAndGet(); n }, WAIT) }

        then:
        answers == [1, 2, 3]
        runs.get() == 3
    }

    def 'a lookup of another key runs while the first is still running'() {
        given:
        def first = pool.submit({ inFlight.get('site-a', { held(1) }, WAIT) } as Callable<Integer>)
        started.await(10, TimeUnit.SECONDS)

        when:
        def other = inFlight.get('site-b', { runs.incrementAndGet(); 2 }, WAIT)
        release.countDown()

        then:
        other == 2
        first.get(10, TimeUnit.SECONDS) == 1
        runs.get() == 2
    }

    def 'a failed lookup fails every caller with its cause, and the next caller runs a new one'() {
        given:
        def first = pool.submit({ inFlight.get('site-a', { held(0); throw failure }, WAIT) } as Callable<Integer>)
        started.await(10, TimeUnit.SECONDS)
        def others = (1..3).collect { pool.submit({ inFlight.get('site-a', { runs.incrementAndGet(); 7 }, WAIT) } as Callable<Integer>) }
        conditions.eventually {
            assert waiting() >= 3
        }

        when:
        release.countDown()
        def causes = ([first] + others).collect { failureOf(it) }

        then:
        causes.every { it.is(cause) }
        runs.get() == 1

        and:
        inFlight.get('site-a', { runs.incrementAndGet(); 8 }, WAIT) == 8

        where:
        cause                                   | failure
        new IllegalStateException('broker')     | cause
        new IOException('connection reset')     | new ExecutionException(cause)
    }

    def 'a caller stops waiting for another’s lookup after its timeout, and the lookup still answers its own caller'() {
        given:
        def first = pool.submit({ inFlight.get('site-a', { held(5) }, WAIT) } as Callable<Integer>)
        started.await(10, TimeUnit.SECONDS)

        when:
        inFlight.get('site-a', { runs.incrementAndGet(); 6 }, Duration.ofMillis(50))

        then:
        thrown(TimeoutException)

        when:
        release.countDown()

        then:
        first.get(10, TimeUnit.SECONDS) == 5
        runs.get() == 1
    }

    /** A lookup that counts itself, says it started, and answers once released. */
    private Integer held(Integer answer) {
        runs.incrementAndGet()
        started.countDown()
        assert release.await(10, TimeUnit.SECONDS)
        answer
    }

    /** The pool's threads waiting for a lookup's answer (parked in CompletableFuture, a timed wait). */
    private int waiting() {
        Thread.allStackTraces.findAll { thread, stack ->
            thread.name == POOL && thread.state == Thread.State.TIMED_WAITING && stack.any { it.className == 'java.util.concurrent.CompletableFuture' && it.methodName == 'timedGet' }
        }.size()
    }

    private static Throwable failureOf(Future<?> future) {
        try {
            future.get(10, TimeUnit.SECONDS)
            null
        } catch (ExecutionException e) {
            assert e.cause instanceof ExecutionException
            e.cause.cause
        }
    }
}
