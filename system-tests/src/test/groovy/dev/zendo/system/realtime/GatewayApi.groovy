package dev.zendo.system.realtime

import groovy.json.JsonOutput
import groovy.json.JsonSlurperClassic
import spock.util.concurrent.PollingConditions

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

/** JSON calls to the stack's REST API through its gateway, as the dashboard and the widget make them. */
class GatewayApi {

    final String baseUrl
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()

    GatewayApi(String baseUrl) {
        this.baseUrl = baseUrl
    }

    /** Sends a request with an optional JSON body and headers; returns the answer whatever its status. */
    HttpResponse<String> send(String method, String path, Map body = null, Map<String, String> headers = [:]) {
        def request = HttpRequest.newBuilder(URI.create("${baseUrl}${path}")).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JsonOutput.toJson(body)))
                .header('Content-Type', 'application/json')
        headers.each { name, value -> request.header(name, value) }
        http.send(request.build(), HttpResponse.BodyHandlers.ofString())
    }

    /** The parsed answer of a call that must succeed (2xx), else an assertion error with its status and body. */
    Object json(String method, String path, Map body = null, Map<String, String> headers = [:]) {
        def response = send(method, path, body, headers)
        assert response.statusCode() in 200..299: "${method} ${path}: ${response.statusCode()} ${response.body()}"
        new JsonSlurperClassic().parseText(response.body())
    }

    /**
     * The parsed answer of a call repeated until it succeeds (30 s at most): for what a service learns from another
     * over Kafka first, such as a new website or member. Repeating is safe for idempotent calls only.
     */
    Object jsonOnceKnown(String method, String path, Map body = null, Map<String, String> headers = [:]) {
        HttpResponse<String> answer = null
        new PollingConditions(timeout: 30, delay: 0.2).eventually {
            def response = send(method, path, body, headers)
            assert response.statusCode() in 200..299: "${method} ${path}: ${response.statusCode()} ${response.body()}"
            answer = response
        }
        new JsonSlurperClassic().parseText(answer.body())
    }

    /** An agent's bearer header. */
    static Map<String, String> bearer(String token) {
        [Authorization: "Bearer ${token}".toString()]
    }
}
