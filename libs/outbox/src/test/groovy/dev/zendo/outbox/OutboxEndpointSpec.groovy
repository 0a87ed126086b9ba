package dev.zendo.outbox

import io.micronaut.context.ApplicationContext
import io.micronaut.core.type.Argument
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpStatus
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.runtime.server.EmbeddedServer

/** Parked rows are listed and retried through the /outbox management endpoint, which is closed unless an operator opens it. */
class OutboxEndpointSpec extends OutboxSpecification {

    def 'without a security module the endpoint answers #method with 401 until it is made non-sensitive'() {
        given:
        def server = serve([:])
        def client = HttpClient.create(server.URL)

        when:
        client.toBlocking().exchange(request)

        then:
        def e = thrown(HttpClientResponseException)
        e.status == HttpStatus.UNAUTHORIZED

        cleanup:
        client?.close()
        server?.applicationContext?.close()

        where:
        method | request
        'GET'  | HttpRequest.GET('/outbox')
        'POST' | HttpRequest.POST('/outbox', [ids: [1]])
    }

    def 'an open endpoint lists parked rows and retries the ones named'() {
        given:
        def server = serve(['endpoints.outbox.sensitive': 'false'])
        def context = server.applicationContext
        def client = HttpClient.create(server.URL)
        def topic = uniqueTopic()
        appendAll(context, topic, [['c1', message('c1', 1)], ['c2', message('c2', 2)]])
        inTransaction(context) { it.connection.createStatement().executeUpdate("UPDATE outbox SET attempts = 10, parked_at = now(), last_error = 'boom'") }

        when:
        def listed = client.toBlocking().retrieve(HttpRequest.GET('/outbox'), Argument.listOf(Map))

        then:
        listed*.key == ['c1', 'c2']
        listed*.topic == [topic, topic]
        listed*.attempts == [10, 10]
        listed*.error == ['boom', 'boom']

        when:
        def retried = client.toBlocking().retrieve(HttpRequest.POST('/outbox', [ids: [listed[0].id]]), Map)

        then:
        retried == [retried: 1]
        client.toBlocking().retrieve(HttpRequest.GET('/outbox'), Argument.listOf(Map))*.key == ['c2']

        cleanup:
        client?.close()
        context?.close()
    }

    private static EmbeddedServer serve(Map<String, Object> settings) {
        ApplicationContext.run(EmbeddedServer, database() + ['zendo.outbox.enabled': 'false', 'micronaut.server.port': -1] + settings, 'test')
    }
}
