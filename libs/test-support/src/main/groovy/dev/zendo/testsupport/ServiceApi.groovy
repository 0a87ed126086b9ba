package dev.zendo.testsupport

import groovy.json.JsonOutput
import groovy.json.JsonSlurperClassic
import io.micronaut.context.ApplicationContext
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
import io.micronaut.http.HttpMethod
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.MediaType
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.BlockingHttpClient
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.runtime.server.EmbeddedServer

import javax.sql.DataSource
import java.sql.Timestamp
import java.time.Instant

/**
 * One running service shared by the API specs of a JVM (its own fresh database, this run's Kafka and Redis), an
 * identity stand-in that mints agent tokens, a client that answers every status without throwing, and the service's
 * database at hand.
 */
abstract class ServiceApi {

    final TestIssuer identity
    final EmbeddedServer server
    final HttpClient httpClient
    final BlockingHttpClient http

    protected ServiceApi(String service, List<TestInfra.Need> needs, Map<String, Object> settings = [:]) {
        identity = TestIssuer.start('zendo-identity', 'zendo')
        server = ApplicationContext.run(EmbeddedServer, TestInfra.properties(service, *needs) + [
                'zendo.auth.agent-tokens.jwks-url': identity.jwksUrl(),
                'zendo.outbox.poll-interval'      : '1s',
        ] + settings as Map<String, Object>, 'test')
        httpClient = HttpClient.create(server.URL)
        http = httpClient.toBlocking()
        Runtime.runtime.addShutdownHook(new Thread({ close() }))
    }

    ApplicationContext getContext() {
        server.applicationContext
    }

    /** Sends a request with an optional bearer token, JSON body (a map, or a raw string) and headers; returns status and parsed body. */
    Reply call(String method, String path, String token, Object body = null, Map<String, String> headers = [:]) {
        MutableHttpRequest<?> request = HttpRequest.create(HttpMethod.valueOf(method), path)
        if (token != null) {
            request.header('Authorization', "Bearer $token")
        }
        headers.each { name, value -> request.header(name, value) }
        if (body != null) {
            request.body(body instanceof CharSequence ? body.toString() : JsonOutput.toJson(body)).contentType(MediaType.APPLICATION_JSON_TYPE)
        }
        try {
            HttpResponse<String> response = http.exchange(request, String)
            return new Reply(status: response.code(), body: parse(response.body()), headers: response.headers.asMap())
        } catch (HttpClientResponseException e) {
            return new Reply(status: e.status.code, body: parse(e.response.getBody(String).orElse(null)), headers: e.response.headers.asMap())
        }
    }

    /** Runs {@code sql} on the service's database; returns the rows of a query. */
    List<Map> sql(String sql, List params = []) {
        DelegatingDataSource.unwrapDataSource(context.getBean(DataSource)).connection.withCloseable { connection ->
            connection.prepareStatement(sql).withCloseable { statement ->
                params.eachWithIndex { value, i -> statement.setObject(i + 1, value instanceof Instant ? Timestamp.from(value) : value) }
                if (!statement.execute()) {
                    return []
                }
                def result = statement.resultSet
                def columns = (1..result.metaData.columnCount).collect { result.metaData.getColumnLabel(it) }
                def rows = []
                while (result.next()) {
                    rows << columns.collectEntries { [(it): result.getObject(it)] }
                }
                rows
            }
        }
    }

    /** The body of a reply that must have {@code status}. */
    static def expect(int status, Reply reply) {
        assert reply.status == status: "expected $status, got $reply"
        reply.body
    }

    void close() {
        httpClient?.close()
        server?.close()
        identity?.close()
    }

    private static Object parse(String text) {
        text ? new JsonSlurperClassic().parseText(text) : null
    }

    /** An HTTP answer. */
    static class Reply {
        int status
        Object body
        Map<String, List<String>> headers

        String header(String name) {
            headers.find { it.key.equalsIgnoreCase(name) }?.value?.first()
        }

        String getContentType() {
            header('Content-Type')
        }

        String toString() {
            "$status $body"
        }
    }
}
