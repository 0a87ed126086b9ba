package dev.zendo.websites.website

import dev.zendo.testsupport.TestInfra
import dev.zendo.testsupport.TestIssuer
import groovy.json.JsonOutput
import groovy.json.JsonSlurperClassic
import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpMethod
import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.runtime.server.EmbeddedServer
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS
import static dev.zendo.testsupport.TestInfra.Need.INVITATION_SEAL_KEY
import static dev.zendo.testsupport.TestInfra.Need.SIGNING_KEYS

/**
 * An agent creates websites at a limited rate and owns a limited number of them, and every authenticated request
 * counts toward one per-agent limit of the whole API; each holds under parallel requests.
 */
class WebsiteLimitsSpec extends Specification {

    static final int CREATIONS = 4
    static final int OWNED = 3
    static final int REQUESTS = 10

    @Shared
    @AutoCleanup
    TestIssuer identity = TestIssuer.start('zendo-identity', 'zendo')

    @Shared
    @AutoCleanup
    EmbeddedServer server = ApplicationContext.run(EmbeddedServer, TestInfra.properties('websites', DATABASE, KAFKA, REDIS, SIGNING_KEYS, INVITATION_SEAL_KEY) + [
            'zendo.auth.agent-tokens.jwks-url'           : identity.jwksUrl(),
            'zendo.rate-limits.website-creation.capacity': CREATIONS,
            'zendo.rate-limits.website-creation.period'  : '1h',
            'zendo.rate-limits.websites-api.capacity'    : REQUESTS,
            'zendo.rate-limits.websites-api.period'      : '1h',
            'zendo.websites.max-websites-per-agent'      : OWNED,
    ] as Map<String, Object>, 'test')

    @Shared
    @AutoCleanup
    HttpClient client = HttpClient.create(server.URL)

    def 'parallel creations by one agent never pass the creation limit nor the number of websites it may own'() {
        given:
        def token = agentToken()
        def pool = Executors.newFixedThreadPool(8)
        def start = new CountDownLatch(1)

        when:
        def futures = (1..8).collect {
            pool.submit({ start.await(); send('POST', '/v1/websites', token, [name: 'Site']) } as Callable<Map>)
        }
        start.countDown()
        def answers = futures*.get()

        then:
        answers.count { it.status == 201 } == OWNED
        answers.count { it.status == 409 && it.body.error == 'too_many_websites' } == CREATIONS - OWNED
        answers.count { it.status == 429 && it.body.error == 'too_many_requests' && it.retryAfter } == 8 - CREATIONS

        cleanup:
        pool.shutdownNow()
    }

    def 'websites in the trash count toward the number an agent may own'() {
        given:
        def token = agentToken()
        def ids = (1..OWNED).collect { send('POST', '/v1/websites', token, [name: 'Site']).body.id }
        assert send('DELETE', "/v1/websites/${ids.first()}", token).status == 204

        when:
        def refused = send('POST', '/v1/websites', token, [name: 'One more'])

        then:
        refused.status == 409
        refused.body.error == 'too_many_websites'
    }

    def 'every authenticated request counts toward one limit per agent, whatever the endpoint'() {
        given:
        def token = agentToken()
        def website = send('POST', '/v1/websites', token, [name: 'Site']).body
        (REQUESTS - 1).times { assert send('GET', "/v1/websites/$website.id/groups", token).status == 200 }

        when:
        def refused = send('GET', '/v1/websites', token)
        def otherAgent = send('GET', '/v1/websites', agentToken())
        def anonymous = send('GET', '/v1/websites', null)

        then:
        refused.status == 429
        refused.body.error == 'too_many_requests'
        (refused.retryAfter as int) in 1..3600
        otherAgent.status == 200
        anonymous.status == 401
    }

    private String agentToken() {
        def id = TestInfra.uniqueName('agent')
        identity.token(id, [token_use: 'access', email: "${id}@example.com".toString(), name: 'Agent'])
    }

    private Map send(String method, String path, String token, Map body = null) {
        def request = HttpRequest.create(HttpMethod.valueOf(method), path)
        if (token) {
            request.bearerAuth(token)
        }
        if (body != null) {
            request.body(JsonOutput.toJson(body)).contentType(MediaType.APPLICATION_JSON_TYPE)
        }
        try {
            def response = client.toBlocking().exchange(request, String)
            [status: response.code(), body: parse(response.body()), retryAfter: response.header('Retry-After')]
        } catch (HttpClientResponseException e) {
            [status: e.status.code, body: parse(e.response.getBody(String).orElse(null)), retryAfter: e.response.header('Retry-After')]
        }
    }

    private static Object parse(String text) {
        text ? new JsonSlurperClassic().parseText(text) : null
    }
}
