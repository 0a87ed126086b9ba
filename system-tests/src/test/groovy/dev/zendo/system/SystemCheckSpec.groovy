package dev.zendo.system

import groovy.json.JsonSlurperClassic
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

/**
 * `make up` with two edge nodes and two conversations instances on a free port range (the stack this module's specs
 * share): every instance healthy, directly and through the gateway, then torn down by `make down`.
 */
@Stepwise
class SystemCheckSpec extends Specification {

    @Shared
    LocalStack stack

    @Shared
    HttpClient http = HttpClient.newHttpClient()

    def setupSpec() {
        stack = LocalStack.shared()
    }

    def 'the #instance instance is healthy: the gateway shows the public only its status, its own port every server it uses UP'() {
        when:
        def response = get("/health/${service}")
        def status = new JsonSlurperClassic().parseText(response.body())
        def internal = new JsonSlurperClassic().parseText(new URL("http://127.0.0.1:${stack.httpPort(instance)}/health").text)

        then:
        response.statusCode() == 200
        status.status == 'UP'
        status.keySet() == ['name', 'status'] as Set

        and:
        internal.status == 'UP'
        components.every { internal.details[it]?.status == 'UP' }

        where:
        instance          | service         | components
        'identity'        | 'identity'      | ['jdbc', 'kafka', 'redis']
        'websites'        | 'websites'      | ['jdbc', 'kafka']
        'conversations'   | 'conversations' | ['jdbc', 'kafka', 'redis']
        'conversations-2' | 'conversations' | ['jdbc', 'kafka', 'redis']
        'realtime-edge'   | 'realtime-edge' | ['kafka', 'redis']
        'realtime-edge-2' | 'realtime-edge' | ['kafka', 'redis']
        'notifications'   | 'notifications' | ['jdbc', 'kafka']
    }

    def 'a burst of public health calls, query strings and all, reaches the conversations instances about once a second'() {
        given:
        def before = healthCalls(['conversations', 'conversations-2'])
        long started = System.nanoTime()

        when:
        def answers = (1..40).collect { get("/health/conversations?caller=${it}") }
        double seconds = (System.nanoTime() - started) / 1e9
        def calls = healthCalls(['conversations', 'conversations-2']) - before

        then: 'every caller has the status; the instances ran their checks at most once per second of the burst, plus the first'
        answers.every { it.statusCode() == 200 && new JsonSlurperClassic().parseText(it.body()).status == 'UP' }
        calls <= Math.ceil(seconds) + 1

        when: 'a caller inside the network asks an instance directly'
        def counted = healthCalls(['conversations', 'conversations-2'])
        new URL("http://127.0.0.1:${stack.httpPort('conversations')}/health").text

        then: 'the count sees it: the instances count every check they run'
        new PollingConditions(timeout: 5).eventually {
            assert healthCalls(['conversations', 'conversations-2']) >= counted + 1
        }
    }

    def "the gateway's upstreams list every instance, the edge nodes' WebSocket ports behind /ws, and keep connections to the HTTP ones open"() {
        given:
        def config = Files.readString(stack.runDir.resolve('gateway/nginx.conf'))
        def routes = Files.readString(stack.root.resolve('infra/gateway/routes.conf'))

        expect:
        upstreamPorts(config, 'conversations') == ['conversations', 'conversations-2'].collect { stack.httpPort(it) }
        upstreamPorts(config, 'realtime_edge') == ['realtime-edge', 'realtime-edge-2'].collect { stack.httpPort(it) }
        upstreamPorts(config, 'realtime_edge_ws') == ['realtime-edge', 'realtime-edge-2'].collect { URI.create(stack.edgeWebSocketUrl(it)).port }
        upstreamPorts(config, 'identity') == [stack.httpPort('identity')]

        and: 'API calls reuse idle upstream connections instead of opening one each'
        ['identity', 'websites', 'conversations', 'realtime_edge', 'notifications'].every { config =~ /upstream\s+${it}\s*\{[^}]*keepalive \d+;/ }
        routes.contains('proxy_http_version 1.1;\nproxy_set_header Connection "";')
    }

    def 'an unknown API path through the gateway is a JSON 404, not the dashboard'() {
        when:
        def response = get('/v1/no-such-api')

        then:
        response.statusCode() == 404
        response.headers().firstValue('Content-Type').orElse('').startsWith('application/json')
        new JsonSlurperClassic().parseText(response.body()).error == 'not_found'
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
        def admin = Admin.create([(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG): stack.kafkaBootstrapServers])
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
        def before = stack.instances.collectEntries { [(it): stack.pidOf(it)] }

        when:
        def output = stack.run('up.sh')

        then:
        output.contains('Zendo is up')
        stack.instances.collectEntries { [(it): stack.pidOf(it)] } == before
    }

    def 'make status lists every instance as healthy'() {
        when:
        def status = stack.run('status.sh')

        then:
        stack.instances.size() == 7
        stack.instances.every { instance -> status.readLines().any { it ==~ /^${instance}\s+healthy\s+.*/ } }
        status.readLines().any { it ==~ /^gateway\s+up\s+.*/ }
    }

    def 'make down stops everything it started'() {
        when:
        stack.run('down.sh')

        then:
        stack.instances.every { !Files.exists(stack.runDir.resolve("services/${it}.pid")) }
        stack.run('status.sh').readLines().every { it ==~ /^\S+\s+down\b.*/ }
    }

    /** How many /health requests the instances answered, from their own http_server_requests metric. */
    private long healthCalls(List<String> instances) {
        instances.sum { instance ->
            new URL("http://127.0.0.1:${stack.httpPort(instance)}/prometheus").text.readLines()
                    .findAll { it.startsWith('http_server_requests_seconds_count{') && it.contains('uri="/health"') }
                    .sum(0L) { it.substring(it.lastIndexOf(' ') + 1) as double as long }
        } as long
    }

    /** The ports of the servers of one upstream block of the gateway's config, in order. */
    private static List<Integer> upstreamPorts(String config, String upstream) {
        def block = (config =~ /upstream\s+${upstream}\s*\{([^}]*)}/)[0][1] as String
        block.findAll(/server\s+[\d.]+:(\d+);/) { match, port -> port as Integer }
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
        new JsonSlurperClassic().parseText(response.body())
    }

    /** The agent make up seeds, signed in through the gateway. */
    private String demoToken() {
        json(send('POST', '/v1/auth/login', null, '{"email":"demo@example.com","password":"zendo-demo-password"}')).access_token
    }
}
