package dev.zendo.websites

import dev.zendo.testsupport.TestInfra
import dev.zendo.testsupport.TestIssuer
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
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

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.INVITATION_SEAL_KEY
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS
import static dev.zendo.testsupport.TestInfra.Need.SIGNING_KEYS

/**
 * One running websites service shared by the API specs of this JVM (its own fresh database, this run's Kafka and Redis),
 * an identity stand-in that mints agent tokens, and a client that answers every status without throwing.
 */
class WebsitesApi {

    private static WebsitesApi instance

    final TestIssuer identity
    final EmbeddedServer server
    final HttpClient httpClient
    final BlockingHttpClient http

    private WebsitesApi() {
        identity = TestIssuer.start('zendo-identity', 'zendo')
        server = ApplicationContext.run(EmbeddedServer, TestInfra.properties('websites', DATABASE, KAFKA, REDIS, SIGNING_KEYS, INVITATION_SEAL_KEY) + [
                'zendo.auth.agent-tokens.jwks-url': identity.jwksUrl(),
                'zendo.outbox.poll-interval'      : '1s',
        ] as Map<String, Object>, 'test')
        httpClient = HttpClient.create(server.URL)
        http = httpClient.toBlocking()
        Runtime.runtime.addShutdownHook(new Thread({ close() }))
    }

    /** The shared service, started on first use. */
    static synchronized WebsitesApi get() {
        if (instance == null) {
            instance = new WebsitesApi()
        }
        instance
    }

    ApplicationContext getContext() {
        server.applicationContext
    }

    /** A valid access token of a (new, unless named) agent. */
    Agent agent(String id = TestInfra.uniqueName('agent'), String email = null) {
        def agent = new Agent(id: id, email: email ?: "${id}@example.com".toString(), name: "Agent ${id}".toString())
        agent.token = identity.token(id, agent.claims())
        agent
    }

    /** Sends a request with an optional bearer token and JSON body (a map, or a raw string), returning status and parsed body. */
    Reply call(String method, String path, String token, Object body = null) {
        MutableHttpRequest<?> request = HttpRequest.create(HttpMethod.valueOf(method), path)
        if (token != null) {
            request.header('Authorization', "Bearer $token")
        }
        if (body != null) {
            request.body(body instanceof CharSequence ? body.toString() : JsonOutput.toJson(body)).contentType(MediaType.APPLICATION_JSON_TYPE)
        }
        try {
            HttpResponse<String> response = http.exchange(request, String)
            return new Reply(status: response.code(), body: parse(response.body()), contentType: response.contentType.map { it.toString() }.orElse(null))
        } catch (HttpClientResponseException e) {
            return new Reply(status: e.status.code, body: parse(e.response.getBody(String).orElse(null)),
                    contentType: e.response.contentType.map { it.toString() }.orElse(null))
        }
    }

    /** Creates a website owned by {@code owner}; fails the spec when that does not answer 201. */
    Map createWebsite(Agent owner, Map body = [:]) {
        expect(201, call('POST', '/v1/websites', owner.token, [name: TestInfra.uniqueName('site')] + body))
    }

    /** A fresh owner with a website on shop.example that has one group and one canned response. */
    FurnishedWebsite furnishedWebsite() {
        Agent owner = agent()
        Map website = createWebsite(owner, [domains: ['shop.example']])
        new FurnishedWebsite(owner: owner, website: website,
                group: expect(201, call('POST', "/v1/websites/$website.id/groups", owner.token, [name: 'Sales'])),
                canned: expect(201, call('POST', "/v1/websites/$website.id/canned-responses", owner.token, [shortcut: 'hi', text: 'Hello'])))
    }

    /** Makes {@code agent} a member of the website in {@code role}, through an invitation by {@code inviter}. */
    Map join(Agent inviter, String websiteId, Agent agent, String role) {
        Map invitation = expect(201, call('POST', "/v1/websites/$websiteId/invitations", inviter.token, [email: agent.email, role: role]))
        expect(200, call('POST', '/v1/invitations/accept', agent.token, [token: invitation.token]))
    }

    /** Runs {@code sql} on the service's database; returns the rows of a query. */
    List<Map> sql(String sql, List params = []) {
        DelegatingDataSource.unwrapDataSource(context.getBean(DataSource)).connection.withCloseable { connection ->
            connection.prepareStatement(sql).withCloseable { statement ->
                params.eachWithIndex { value, i -> statement.setObject(i + 1, value) }
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
        text ? new JsonSlurper().parseText(text) : null
    }

    /** An agent as identity's tokens describe it. */
    static class Agent {
        String id
        String email
        String name
        String token

        Map<String, Object> claims() {
            [token_use: 'access', email: email, name: name]
        }
    }

    /** What {@link #furnishedWebsite} made. */
    static class FurnishedWebsite {
        Agent owner
        Map website
        Map group
        Map canned
    }

    /** An HTTP answer. */
    static class Reply {
        int status
        Object body
        String contentType

        String toString() {
            "$status $body"
        }
    }
}
