package dev.zendo.system

import groovy.json.JsonSlurper
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.util.concurrent.PollingConditions
import org.apache.kafka.clients.admin.Admin
import org.apache.kafka.clients.admin.AdminClientConfig

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path

/** `make up` on a free port range: every service healthy through the gateway, then torn down by `make down`. */
@Stepwise
class SystemCheckSpec extends Specification {

    @Shared
    LocalStack stack

    @Shared
    HttpClient http = HttpClient.newHttpClient()

    def setupSpec() {
        Path runDir = Path.of('target/system-check').toAbsolutePath()
        stack = new LocalStack(runDir)
        if (Files.exists(runDir)) {
            // A killed run leaves its processes behind: stop what its pid files name before they are deleted.
            stack.run('down.sh')
            // Files.walk does not follow links: the gateway's links into widget/ and dashboard/ go, their targets stay.
            Files.walk(runDir).sorted(Comparator.reverseOrder()).forEach { Files.delete(it) }
        }
        Files.createDirectories(runDir)
        stack.run('up.sh')
    }

    def cleanupSpec() {
        stack?.run('down.sh')
    }

    def 'the #service service is healthy: the gateway shows the public only its status, its own port every server it uses UP'() {
        when:
        def response = get("/health/${service}")
        def status = new JsonSlurper().parseText(response.body())
        def internal = new JsonSlurper().parseText(new URL("http://127.0.0.1:${stack.portBase + offset}/health").text)

        then:
        response.statusCode() == 200
        status.status == 'UP'
        status.keySet() == ['name', 'status'] as Set

        and:
        internal.status == 'UP'
        components.every { internal.details[it]?.status == 'UP' }

        where:
        service         | offset | components
        'identity'      | 81     | ['jdbc', 'kafka', 'redis']
        'websites'      | 82     | ['jdbc', 'kafka']
        'conversations' | 83     | ['jdbc', 'kafka', 'redis']
        'realtime-edge' | 84     | ['kafka', 'redis']
        'notifications' | 85     | ['jdbc', 'kafka']
    }

    def 'an unknown API path through the gateway is a JSON 404, not the dashboard'() {
        when:
        def response = get('/v1/no-such-api')

        then:
        response.statusCode() == 404
        response.headers().firstValue('Content-Type').orElse('').startsWith('application/json')
        new JsonSlurper().parseText(response.body()).error == 'not_found'
    }

    def 'the gateway serves the dashboard, with unknown paths falling back to it, and the widget loader'() {
        expect:
        get('/').body().contains('<div id="root">')
        get('/conversations/some-deep-link').body().contains('<div id="root">')
        get('/widget/loader.js').statusCode() == 200
    }

    def 'the demo agent signs in through the gateway and finds the demo website with its widget key'() {
        when:
        def websites = json(get('/v1/websites', demoToken()))

        then:
        websites.find { it.name == 'Demo website' }?.public_key?.startsWith('pk_')
    }

    def 'a website created through the gateway gets its Kafka topic and a realtime ticket names it'() {
        given:
        def token = demoToken()

        when:
        def website = json(send('POST', '/v1/websites', token, '{"name":"System check"}'))
        def ticket = json(send('POST', '/v1/realtime/tickets', token, '{}'))

        then:
        website.id
        ticket.ticket.split(/\./).size() == 3
        ticket.websites*.id.contains(website.id)
        def admin = Admin.create([(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG): "127.0.0.1:${stack.portBase + 92}".toString()])
        try {
            new PollingConditions(timeout: 30).eventually {
                assert admin.listTopics().names().get().contains("zendo.site.${website.id}".toString())
            }
        } finally {
            admin.close()
        }
    }

    def 'identity publishes its signing keys through the gateway'() {
        expect:
        json(get('/.well-known/jwks.json')).keys.every { it.kty == 'EC' && it.kid && !it.d }
    }

    def 'a second make up reuses every running process'() {
        given:
        def before = LocalStack.SERVICES.collectEntries { [(it): stack.pidOf(it)] }

        when:
        def output = stack.run('up.sh')

        then:
        output.contains('Zendo is up')
        LocalStack.SERVICES.collectEntries { [(it): stack.pidOf(it)] } == before
    }

    def 'make status lists every service as healthy'() {
        when:
        def status = stack.run('status.sh')

        then:
        LocalStack.SERVICES.every { service -> status.readLines().any { it ==~ /^${service}\s+healthy\s+.*/ } }
        status.readLines().any { it ==~ /^gateway\s+up\s+.*/ }
    }

    def 'make down stops everything it started'() {
        when:
        stack.run('down.sh')

        then:
        LocalStack.SERVICES.every { !Files.exists(stack.runDir.resolve("services/${it}.pid")) }
        stack.run('status.sh').readLines().every { it ==~ /^\S+\s+down\b.*/ }
    }

    private HttpResponse<String> get(String path, String token = null) {
        send('GET', path, token, null)
    }

    private HttpResponse<String> send(String method, String path, String token, String body) {
        def request = HttpRequest.newBuilder(URI.create("${stack.gatewayUrl}${path}"))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header('Content-Type', 'application/json')
        if (token) {
            request.header('Authorization', "Bearer ${token}")
        }
        http.send(request.build(), HttpResponse.BodyHandlers.ofString())
    }

    private static Object json(HttpResponse<String> response) {
        assert response.statusCode() in 200..299: "${response.statusCode()}: ${response.body()}"
        new JsonSlurper().parseText(response.body())
    }

    /** The agent make up seeds, signed in through the gateway. */
    private String demoToken() {
        json(send('POST', '/v1/auth/login', null, '{"email":"demo@example.com","password":"zendo-demo-password"}')).access_token
    }
}
