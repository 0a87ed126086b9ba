package dev.zendo.realtimeedge

import com.sun.net.httpserver.HttpServer
import dev.zendo.realtimeedge.support.EdgeSpec
import spock.lang.Shared

import java.util.concurrent.CompletableFuture
import java.util.concurrent.Executor
import java.util.concurrent.TimeUnit

/**
 * The auth timeout is for sockets that send no {@code auth}: one whose token is still being checked when it passes (here
 * the visitors' keys take twice the timeout to fetch, within the key fetch's own 500 ms limit, as a queue of a herd's
 * signatures takes time) is answered. A socket that sends no auth is still closed 4401 (AuthSpec).
 */
class AuthQueueSpec extends EdgeSpec {

    static final int KEYS_DELAY_MILLIS = 400

    @Shared
    HttpServer slowKeys = slowKeys(conversations.jwksUrl())

    Map<String, Object> settings() {
        ['zendo.realtime.auth-timeout'          : '200ms',
         'zendo.realtime.sweep-interval'        : '50ms',
         'zendo.realtime.auth.visitors-jwks-url': "http://127.0.0.1:${slowKeys.address.port}/jwks.json".toString()]
    }

    def cleanupSpec() {
        slowKeys.stop(0)
    }

    def 'a socket whose token is still being checked when the auth timeout passes is not closed, and is ready once it verifies'() {
        given:
        UUID websiteId = website(['https://shop.example'])
        def client = connect('https://shop.example')

        when:
        client.send([type: 'auth', v: 1, token: visitorToken(UUID.randomUUID(), websiteId)])

        then:
        conditions.eventually {
            assert client.ofType('ready').size() == 1
        }
        client.closeCode() == null
    }

    /** Serves the keys at {@code jwksUrl}, each answer sent {@link #KEYS_DELAY_MILLIS} after its request. */
    private static HttpServer slowKeys(String jwksUrl) {
        HttpServer server = HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 0)
        Executor later = CompletableFuture.delayedExecutor(KEYS_DELAY_MILLIS, TimeUnit.MILLISECONDS)
        server.createContext('/jwks.json') { exchange ->
            later.execute {
                byte[] keys = new URL(jwksUrl).bytes
                exchange.responseHeaders.add('Content-Type', 'application/json')
                exchange.sendResponseHeaders(200, keys.length)
                exchange.responseBody.withCloseable { it.write(keys) }
            }
        }
        server.start()
        server
    }
}
