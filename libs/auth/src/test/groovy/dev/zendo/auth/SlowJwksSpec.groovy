package dev.zendo.auth

import com.sun.net.httpserver.HttpServer
import dev.zendo.auth.agent.AuthenticatedAgent
import dev.zendo.testsupport.TestInfra
import dev.zendo.testsupport.TestIssuer
import io.micronaut.context.ApplicationContext
import io.micronaut.context.annotation.Requires
import io.micronaut.http.HttpRequest
import io.micronaut.http.annotation.Controller
import io.micronaut.http.annotation.Get
import io.micronaut.http.client.HttpClient
import io.micronaut.runtime.server.EmbeddedServer
import reactor.core.publisher.Mono
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.nio.charset.StandardCharsets
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

import static dev.zendo.testsupport.TestInfra.Need.KAFKA

/**
 * Verifying an agent's token may have to fetch identity's JWKS; while that fetch hangs, the service (one event-loop
 * thread here) keeps answering other requests, because binding the agent runs on the blocking pool.
 */
class SlowJwksSpec extends Specification {

    @Shared
    @AutoCleanup
    TestIssuer identity = TestIssuer.start('zendo-identity', 'zendo')

    @Shared
    CountDownLatch gate = new CountDownLatch(1)

    @Shared
    AtomicInteger fetches = new AtomicInteger()

    @Shared
    HttpServer slowJwks = gatedJwks()

    @Shared
    @AutoCleanup
    EmbeddedServer server = ApplicationContext.run(EmbeddedServer, TestInfra.properties('auth', KAFKA) + [
            'spec.name'                                 : 'SlowJwksSpec',
            'micronaut.netty.event-loops.default.num-threads': 1,
            'micronaut.server.netty.worker.threads'     : 1,
            'zendo.auth.agent-tokens.jwks-url'          : "http://127.0.0.1:${slowJwks.address.port}/jwks.json".toString(),
            'zendo.auth.agent-tokens.issuer'            : 'zendo-identity',
            'zendo.auth.agent-tokens.audience'          : 'zendo',
            'zendo.auth.agent-tokens.cache-ttl'         : '5m',
    ], 'test')

    @Shared
    @AutoCleanup
    HttpClient http = HttpClient.create(server.URL)

    def cleanupSpec() {
        gate.countDown()
        slowJwks.stop(0)
    }

    def 'other requests are answered while an agent request waits for a JWKS fetch, which then binds the agent'() {
        given:
        def agentReply = Mono.from(http.retrieve(HttpRequest.GET('/slow-jwks/whoami')
                .bearerAuth(identity.token('agent-1', [token_use: 'access', email: 'ada@example.com', name: 'Ada'])), Map)).toFuture()
        new PollingConditions(timeout: 10).eventually {
            assert fetches.get() == 1
        }

        when:
        def ping = http.toBlocking().retrieve('/slow-jwks/ping')

        then:
        ping == 'pong'
        !agentReply.done

        when:
        gate.countDown()

        then:
        agentReply.get(10, TimeUnit.SECONDS) == [id: 'agent-1']
    }

    /**
     * Serves the issuer's JWKS, but holds each answer until the gate opens: it sends a space every 100 ms meanwhile
     * (whitespace JSON allows before the set), so the fetch neither ends nor times out.
     */
    private HttpServer gatedJwks() {
        byte[] jwks = new URL(identity.jwksUrl()).bytes
        def server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
        server.createContext('/jwks.json') { exchange ->
            fetches.incrementAndGet()
            exchange.responseHeaders.add('Content-Type', 'application/json')
            exchange.sendResponseHeaders(200, 0)
            exchange.responseBody.withCloseable { body ->
                while (!gate.await(100, TimeUnit.MILLISECONDS)) {
                    body.write(' '.getBytes(StandardCharsets.US_ASCII))
                    body.flush()
                }
                body.write(jwks)
            }
        }
        server.executor = java.util.concurrent.Executors.newCachedThreadPool()
        server.start()
        server
    }

    /** An endpoint that needs the agent, and one that does not. */
    @Requires(property = 'spec.name', value = 'SlowJwksSpec')
    @Controller('/slow-jwks')
    static class SlowJwksController {

        @Get('/whoami')
        Map<String, String> whoami(AuthenticatedAgent agent) {
            [id: agent.id()]
        }

        @Get('/ping')
        String ping() {
            'pong'
        }
    }
}
