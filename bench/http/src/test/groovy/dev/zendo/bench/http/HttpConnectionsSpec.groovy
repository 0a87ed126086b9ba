package dev.zendo.bench.http

import com.sun.net.httpserver.HttpServer
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.time.Duration
import java.util.concurrent.CountDownLatch
import java.util.concurrent.ExecutionException
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException

/** The generators' keep-alive HTTP client: connections reused, one per request in flight, requests sent as given, timeouts. */
class HttpConnectionsSpec extends Specification {

    static {
        // The JDK's test server sends an answer's headers and body in two writes; without this, Nagle's algorithm holds the body back for the client's delayed ACK (40 ms).
        System.setProperty('sun.net.httpserver.nodelay', 'true')
    }

    CountDownLatch stall = new CountDownLatch(0)
    List<String> received = Collections.synchronizedList([])
    HttpServer server = startServer()
    HttpConnections connections = new HttpConnections(URI.create("http://127.0.0.1:${server.address.port}"), Duration.ofSeconds(5))

    def cleanup() {
        stall.countDown()
        connections.close()
        server.stop(0)
    }

    def 'requests sent one after the other reuse one keep-alive connection'() {
        when:
        def answers = (1..20).collect { connections.send(HttpConnections.Request.get("/echo?n=$it")).get(5, TimeUnit.SECONDS) }

        then:
        answers*.status.every { it == 200 }
        answers.last().body() == 'GET /echo?n=20  '
        connections.opened() == 1
    }

    def 'requests in flight at once each have a connection of their own, and later ones reuse them'() {
        given: 'the server holds every answer until four requests have arrived'
        stall = new CountDownLatch(1)

        when:
        def first = (1..4).collect { connections.send(HttpConnections.Request.get('/echo')) }
        new PollingConditions(timeout: 5).eventually {
            assert received.size() == 4
        }
        stall.countDown()
        first*.get(5, TimeUnit.SECONDS)
        def second = (1..4).collect { connections.send(HttpConnections.Request.get('/echo')) }*.get(5, TimeUnit.SECONDS)

        then:
        second*.status == [200] * 4
        connections.opened() == 4
    }

    def 'a #method request arrives with its path, headers and body'() {
        when:
        def answer = connections.send(new HttpConnections.Request(method, '/echo', ['X-Bench': 'yes'], body.bytes)).get(5, TimeUnit.SECONDS)

        then:
        answer.status() == 200
        answer.body() == "$method /echo $contentType $body".toString()
        received.last() == 'yes'

        where:
        method  | body            | contentType
        'GET'   | ''              | ''
        'POST'  | '{"n":1}'       | 'application/json'
        'PATCH' | '{"name":"ü"}'  | 'application/json'
    }

    def 'a request the server does not answer within the timeout fails with a TimeoutException, and the next one opens a new connection'() {
        given:
        stall = new CountDownLatch(1)
        def impatient = new HttpConnections(URI.create("http://127.0.0.1:${server.address.port}"), Duration.ofMillis(200))

        when:
        impatient.send(HttpConnections.Request.get('/echo')).get(5, TimeUnit.SECONDS)

        then:
        def failure = thrown(ExecutionException)
        failure.cause instanceof TimeoutException

        when:
        stall.countDown()
        def next = impatient.send(HttpConnections.Request.get('/echo')).get(5, TimeUnit.SECONDS)

        then:
        next.status() == 200
        impatient.opened() == 2

        cleanup:
        impatient.close()
    }

    def 'a request to a port nobody listens on fails instead of hanging'() {
        given:
        def closed = new ServerSocket(0, 1, InetAddress.loopbackAddress).withCloseable { it.localPort }
        def nowhere = new HttpConnections(URI.create("http://127.0.0.1:$closed"), Duration.ofSeconds(5))

        when:
        nowhere.send(HttpConnections.Request.get('/echo')).get(5, TimeUnit.SECONDS)

        then:
        def failure = thrown(ExecutionException)
        failure.cause instanceof ConnectException

        cleanup:
        nowhere.close()
    }

    def 'a timeout that is not positive is refused'() {
        when:
        new HttpConnections(URI.create('http://127.0.0.1:1'), timeout)

        then:
        thrown(IllegalArgumentException)

        where:
        timeout << [Duration.ZERO, Duration.ofMillis(-1)]
    }

    /** Answers "<method> <path and query> <content type> <body>" and notes each request's X-Bench header; every answer waits for the stall to end. */
    private HttpServer startServer() {
        def started = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 100)
        started.executor = Executors.newCachedThreadPool()
        started.createContext('/echo') { exchange ->
            received << (exchange.requestHeaders.getFirst('X-Bench') ?: '')
            def body = exchange.requestBody.bytes
            stall.await()
            def answer = "${exchange.requestMethod} ${exchange.requestURI} ${exchange.requestHeaders.getFirst('Content-Type') ?: ''} ${new String(body, 'UTF-8')}".getBytes('UTF-8')
            exchange.sendResponseHeaders(200, answer.length)
            exchange.responseBody.withCloseable { it.write(answer) }
        }
        started.start()
        started
    }
}
