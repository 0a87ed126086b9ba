package dev.zendo.notifications.webhook

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import groovy.json.JsonSlurperClassic

import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec
import java.nio.charset.StandardCharsets
import java.security.MessageDigest
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors

/**
 * A real webhook endpoint on loopback (JDK HttpServer on an ephemeral port): records every request it gets, answers
 * the statuses a spec queues (200 once the queue is empty), and can go down and come back on the same port.
 */
class WebhookReceiver implements AutoCloseable {

    final List<Received> received = new CopyOnWriteArrayList<>()
    final Queue<Integer> statuses = new ConcurrentLinkedQueue<>()
    int port
    private HttpServer server
    private ExecutorService threads

    static WebhookReceiver start() {
        def receiver = new WebhookReceiver()
        receiver.listen(0)
        receiver
    }

    /** The URL deliveries go to. */
    String url(String path = '/hooks') {
        "http://127.0.0.1:$port$path"
    }

    /** Stops answering: connections are refused until {@link #restart}. */
    synchronized void stop() {
        server.stop(0)
        threads.shutdownNow()
    }

    /** Listens on the same port again. */
    synchronized void restart() {
        listen(port)
    }

    @Override
    void close() {
        stop()
    }

    /** The bodies received, parsed, in arrival order. */
    List<Map> events() {
        received.collect { it.json }
    }

    private synchronized void listen(int wanted) {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 50)
        threads = Executors.newFixedThreadPool(8)
        server.executor = threads
        server.createContext('/') { HttpExchange exchange -> answer(exchange) }
        server.start()
        port = server.address.port
    }

    private void answer(HttpExchange exchange) {
        byte[] body = exchange.requestBody.readAllBytes()
        int status = statuses.poll() ?: 200
        received << new Received(method: exchange.requestMethod, path: exchange.requestURI.path,
                headers: exchange.requestHeaders.collectEntries { k, v -> [(k.toLowerCase()): v.first()] } as Map<String, String>,
                body: new String(body, StandardCharsets.UTF_8), status: status)
        byte[] answer = "answered $status".getBytes(StandardCharsets.UTF_8)
        exchange.sendResponseHeaders(status, answer.length)
        exchange.responseBody.write(answer)
        exchange.close()
    }

    /** One request as it arrived. */
    static class Received {
        String method
        String path
        Map<String, String> headers
        String body
        int status

        Map getJson() {
            new JsonSlurperClassic().parseText(body) as Map
        }

        String header(String name) {
            headers[name.toLowerCase()]
        }

        /**
         * Whether Zendo-Signature verifies with {@code secret} as docs/webhooks.md says a receiver checks it; the age of
         * {@code t} is the receiver's replay policy, left out here.
         */
        boolean signedWith(String secret) {
            def parts = header('Zendo-Signature').split(',').collectEntries { it.split('=', 2) as List }
            long t = parts.t as long
            def mac = Mac.getInstance('HmacSHA256')
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), 'HmacSHA256'))
            String expected = mac.doFinal("${t}.${body}".getBytes(StandardCharsets.UTF_8)).encodeHex().toString()
            MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), (parts.v1 as String).getBytes(StandardCharsets.UTF_8))
        }
    }
}
