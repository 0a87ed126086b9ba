package dev.zendo.testsupport

import dev.zendo.testsupport.badinput.BadInputs
import dev.zendo.testsupport.badinput.OpenApiDocument
import groovy.json.JsonSlurperClassic
import io.micronaut.http.HttpRequest
import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpStatus
import io.micronaut.http.client.BlockingHttpClient
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.runtime.server.EmbeddedServer
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.TimeUnit

/**
 * What every Zendo service promises operators, checked the same way for each: readiness that covers the
 * servers it uses, health details only for callers inside the network, Prometheus metrics, a served OpenAPI document
 * whose every operation refuses bad input, and a failed start that exits with one line.
 * A service's spec extends this and names itself, its entry point and the servers it needs.
 */
abstract class ServiceChassisSpec extends Specification {

    @Shared
    @AutoCleanup
    EmbeddedServer server

    @Shared
    @AutoCleanup
    HttpClient httpClient

    @Shared
    BlockingHttpClient http

    /** The service's name, as in services/<name>. */
    abstract String service()

    /** The class with the service's main method. */
    abstract Class<?> application()

    /** The servers the service uses; its readiness must cover each. */
    abstract List<TestInfra.Need> needs()

    def setupSpec() {
        server = ApplicationContext.run(EmbeddedServer, TestInfra.properties(service(), *needs()) as Map<String, Object>, 'test')
        httpClient = HttpClient.create(server.URL)
        http = httpClient.toBlocking()
    }

    def 'readiness reports every server the service uses as UP'() {
        when:
        def health = new JsonSlurperClassic().parseText(http.retrieve('/health/readiness'))

        then:
        health.status == 'UP'
        expectedComponents().every { health.details[it]?.status == 'UP' }
    }

    def 'liveness answers UP'() {
        expect:
        new JsonSlurperClassic().parseText(http.retrieve('/health/liveness')).status == 'UP'
    }

    def 'metrics are served in the Prometheus text format'() {
        when:
        def metrics = http.retrieve('/prometheus')

        then:
        metrics.contains('# TYPE jvm_memory_used_bytes gauge')
        metrics.contains('http_server_requests_seconds')
    }

    def 'the OpenAPI document and Swagger UI are served'() {
        expect:
        http.retrieve("/swagger/zendo-${service()}-v1.yml").contains('openapi: 3')
        http.retrieve('/swagger-ui/index.html').contains('swagger-ui')
    }

    def 'health asked through the public gateway shows only name and status; asked on the service port, the details'() {
        when:
        def forPublic = new JsonSlurperClassic().parseText(http.retrieve(HttpRequest.GET('/health').header('X-Zendo-Health-Caller', 'public')))
        def internal = new JsonSlurperClassic().parseText(http.retrieve('/health'))

        then:
        forPublic.keySet() == ['name', 'status'] as Set
        forPublic.status == internal.status
        internal.details
    }

    def 'every documented operation refuses bad input from a caller without credentials with a JSON 4xx'() {
        given:
        def inputs = BadInputs.of(new OpenApiDocument(http.retrieve("/swagger/zendo-${service()}-v1.yml")))

        when:
        def accepted = inputs.collectEntries { [(it.toString()): it.send(server.URL, [:], [:])] }
                .findAll { input, reply -> !(reply.status in 400..499) || !reply.headers['content-type']?.startsWith('application/json') }

        then:
        accepted.isEmpty()
    }

    def 'an unknown path gets a JSON 404'() {
        when:
        http.exchange('/no/such/path', String)

        then:
        def e = thrown(HttpClientResponseException)
        e.status == HttpStatus.NOT_FOUND
        e.response.contentType.get().toString().contains('json')
    }

    def 'a start with bad configuration exits with status 1 and one line naming the reason: #variable'() {
        when:
        def result = launchWith([(variable): value])

        then:
        result.exitCode == 1
        result.output.readLines().any { it.startsWith("${service()}: cannot start: ") && it.contains(reason) }
        !result.output.contains('\tat ')

        where:
        [variable, value, reason] << badConfigurations()
    }

    /** One broken setting per server (or key set) the service uses, and what the one-line reason must say. */
    private List<List<String>> badConfigurations() {
        Map<TestInfra.Need, List<String>> rows = [
                (TestInfra.Need.DATABASE): ['DATABASE_URL', 'jdbc:postgresql://127.0.0.1:1/zendo', 'Connection to 127.0.0.1:1 refused'],
                (TestInfra.Need.KAFKA)   : ['KAFKA_BOOTSTRAP_SERVERS', 'not a broker list', 'must be host:port'],
                (TestInfra.Need.REDIS)   : ['REDIS_URL', 'http://localhost:6379', 'must look like redis://host:port'],
                (TestInfra.Need.SIGNING_KEYS): ['SIGNING_JWKS', 'not a key set', 'not a JWK set'],
                (TestInfra.Need.INVITATION_SEAL_KEY): ['INVITATION_SEAL_PUBLIC_KEYSET', 'not a keyset', 'not a Tink public hybrid keyset'],
                (TestInfra.Need.NOTIFICATIONS_SEAL_KEY): ['NOTIFICATIONS_SEAL_PUBLIC_KEYSET', 'not a keyset', 'not a Tink public hybrid keyset'],
                (TestInfra.Need.IDENTITY_SECRETS_KEYSET): ['IDENTITY_SECRETS_KEYSET', 'not a keyset', 'not a Tink AEAD keyset'],
                (TestInfra.Need.MAIL): ['MAIL_FROM', 'not an address', 'is no mail address'],
                (TestInfra.Need.SEAL_OPENER_KEY): ['NOTIFICATIONS_SEAL_KEYSET', 'not a keyset', 'not a Tink private hybrid keyset'],
                (TestInfra.Need.WEBHOOK_SECRETS_KEYSET): ['WEBHOOK_SECRETS_KEYSET', 'not a keyset', 'not a Tink AEAD keyset'],
        ]
        needs().collect { rows[it] }
    }

    /** Health components readiness must list, one per server the service uses. */
    private List<String> expectedComponents() {
        Map<TestInfra.Need, String> components = [
                (TestInfra.Need.DATABASE): 'jdbc',
                (TestInfra.Need.KAFKA)   : 'kafka',
                (TestInfra.Need.REDIS)   : 'redis',
        ]
        needs().findResults { components[it] }
    }

    /** Runs the service's main method in a new JVM with this spec's servers and {@code overrides}, until it exits. */
    private Map launchWith(Map<String, String> overrides) {
        def properties = TestInfra.properties(service(), *needs())
        def env = [
                'MICRONAUT_SERVER_PORT'  : '-1',
                'DATABASE_URL'           : properties['datasources.default.url'],
                'DATABASE_USER'          : properties['datasources.default.username'],
                'DATABASE_PASSWORD'      : properties['datasources.default.password'],
                'KAFKA_BOOTSTRAP_SERVERS': properties['zendo.kafka.bootstrap-servers'],
                'REDIS_URL'              : properties['zendo.redis.uri'],
                'SIGNING_JWKS'           : properties['zendo.auth.signing.jwks'],
                'INVITATION_SEAL_PUBLIC_KEYSET': properties['zendo.websites.invitation-seal.public-keyset'],
                'NOTIFICATIONS_SEAL_PUBLIC_KEYSET': properties['zendo.identity.notifications-seal.public-keyset'],
                'IDENTITY_SECRETS_KEYSET': properties['zendo.conversations.identity-secrets.keyset'],
                'SMTP_HOST'              : properties['zendo.notifications.mail.host'],
                'SMTP_PORT'              : properties['zendo.notifications.mail.port'],
                'NOTIFICATIONS_SEAL_KEYSET': properties['zendo.notifications.seal.private-keyset'],
                'WEBHOOK_SECRETS_KEYSET' : properties['zendo.notifications.webhooks.keyset'],
        ].findAll { it.value != null } + overrides
        def command = [ProcessHandle.current().info().command().orElse('java'), '-Xmx128m', '-XX:TieredStopAtLevel=1',
                       '-cp', System.getProperty('java.class.path'), application().name]
        def builder = new ProcessBuilder(command).redirectErrorStream(true)
        builder.environment().keySet().removeIf { it.startsWith('ZENDO_') || it.startsWith('MICRONAUT_') }
        builder.environment().putAll(env)
        def process = builder.start()
        def output = new StringBuilder()
        def reader = Thread.start { output << process.inputStream.text }
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly()
            throw new IllegalStateException("${service()} did not exit with configuration ${overrides}: it started")
        }
        reader.join()
        [exitCode: process.exitValue(), output: output.toString()]
    }
}
