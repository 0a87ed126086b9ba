package dev.zendo.bench.conversations

import com.sun.net.httpserver.HttpServer
import dev.zendo.bench.http.HttpConnections
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/** The fixed-rate generator charges a server's stall to every request due during it, and never opens more connections than allowed. */
class FixedRateSpec extends Specification {

    static {
        // The JDK's test server sends an answer's headers and body in two writes; without this, Nagle's algorithm holds the body back for the client's delayed ACK (40 ms).
        System.setProperty('sun.net.httpserver.nodelay', 'true')
    }

    CountDownLatch stall = new CountDownLatch(1)
    AtomicInteger inFlight = new AtomicInteger()
    AtomicInteger mostInFlight = new AtomicInteger()
    AtomicInteger answered = new AtomicInteger()

    HttpServer server = startServer()
    HttpConnections http = new HttpConnections(URI.create("http://127.0.0.1:${server.address.port}"), Duration.ofSeconds(10))

    def cleanup() {
        stall.countDown()
        http.close()
        server.stop(0)
    }

    def 'a request due while the server stalls is charged from its intended send time, not from when a connection became free'() {
        given: 'the first answer waits until every other request is due and queued behind it'
        def load = new FixedRate(http, new FixedRate.Plan(200, Duration.ofMillis(500), 1), this.&ping, 200)

        when:
        def run = CompletableFuture.supplyAsync { load.run() }
        new PollingConditions(timeout: 10, delay: 0.01).eventually {
            assert load.queued() == 99
        }
        stall.countDown()
        def outcome = run.get(20, TimeUnit.SECONDS)

        then: 'request k was due at k x 5 ms and answered after the 500 ms of scheduling: the median waited at least 250 ms'
        outcome.sent() == 100
        outcome.ok() == 100
        outcome.failed() == 0
        outcome.latencies().totalCount == 100
        outcome.maxQueued() == 99
        outcome.millisAt(50) >= 240
        outcome.maxMillis() >= 490
    }

    def 'at most the allowed number of requests are in flight at once, each on a connection of its own (#allowed)'() {
        given:
        stall.countDown()
        def load = new FixedRate(http, new FixedRate.Plan(400, Duration.ofMillis(500), allowed), this.&ping, 200)

        when:
        def outcome = load.run()

        then:
        outcome.ok() == 200
        answered.get() == 200
        mostInFlight.get() <= allowed
        http.opened() <= allowed

        where:
        allowed << [1, 4]
    }

    def 'a plan without a positive rate, duration or connection count is refused'() {
        when:
        new FixedRate.Plan(rate, Duration.ofMillis(duration), connections)

        then:
        thrown(IllegalArgumentException)

        where:
        rate | duration | connections
        0    | 1000     | 1
        -5   | 1000     | 1
        10   | 0        | 1
        10   | 1000     | 0
    }

    def 'failures are counted by kind with a sample answer, and their latencies are recorded too'() {
        given:
        stall.countDown()
        def load = new FixedRate(http, new FixedRate.Plan(100, Duration.ofMillis(200), 2), this.&ping, 201)

        when:
        def outcome = load.run()

        then:
        outcome.ok() == 0
        outcome.failures() == ['HTTP 200': 20L]
        outcome.samples()['HTTP 200'] == 'pong'
        outcome.latencies().totalCount == 20
    }

    private static HttpConnections.Request ping() {
        HttpConnections.Request.get('/ping')
    }

    /** Answers "pong" (a request is in flight from its arrival until just before its answer is sent); every exchange waits for the stall to end. */
    private HttpServer startServer() {
        def started = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 100)
        started.executor = Executors.newCachedThreadPool()
        started.createContext('/ping') { exchange ->
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max)
            stall.await()
            def body = 'pong'.bytes
            inFlight.decrementAndGet()
            answered.incrementAndGet()
            exchange.sendResponseHeaders(200, body.length)
            exchange.responseBody.withCloseable { it.write(body) }
        }
        started.start()
        started
    }
}
