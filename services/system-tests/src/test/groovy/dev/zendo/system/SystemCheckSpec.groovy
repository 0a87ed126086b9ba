package dev.zendo.system

import groovy.json.JsonSlurper
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

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
        runDir.toFile().deleteDir()
        Files.createDirectories(runDir)
        stack = new LocalStack(runDir)
        stack.run('up.sh')
    }

    def cleanupSpec() {
        stack?.run('down.sh')
    }

    def 'the #service service is healthy through the gateway, with every server it uses UP'() {
        when:
        def response = get("/health/${service}")
        def health = new JsonSlurper().parseText(response.body())

        then:
        response.statusCode() == 200
        health.status == 'UP'
        components.every { health.details[it]?.status == 'UP' }

        where:
        service         | components
        'identity'      | ['jdbc', 'kafka', 'redis']
        'websites'      | ['jdbc', 'kafka']
        'conversations' | ['jdbc', 'kafka', 'redis']
        'realtime-edge' | ['kafka', 'redis']
        'notifications' | ['jdbc', 'kafka']
    }

    def 'the gateway serves the dashboard, with unknown paths falling back to it, and the widget loader'() {
        expect:
        get('/').body().contains('<div id="root">')
        get('/conversations/some-deep-link').body().contains('<div id="root">')
        get('/widget/loader.js').statusCode() == 200
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

    private HttpResponse<String> get(String path) {
        http.send(HttpRequest.newBuilder(URI.create("${stack.gatewayUrl}${path}")).build(), HttpResponse.BodyHandlers.ofString())
    }
}
