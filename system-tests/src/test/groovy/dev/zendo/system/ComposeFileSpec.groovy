package dev.zendo.system

import dev.zendo.testsupport.RepoRoot
import org.yaml.snakeyaml.Yaml
import spock.lang.Shared
import spock.lang.Specification

import javax.xml.parsers.DocumentBuilderFactory
import java.nio.file.Files
import java.nio.file.Path
import java.util.regex.Pattern

/** Checks docker-compose.yml against the reactor: every service runs in it, with what its application.yml needs. */
class ComposeFileSpec extends Specification {

    static final Path ROOT = RepoRoot.get()

    private static final Pattern ENV_PLACEHOLDER = ~/\$\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}/
    private static final Pattern LOCAL_MACHINE = ~/localhost|127\.0\.0\.1/
    private static final Pattern LOCATION = ~/location\s+(=\s*)?(\S+)\s*\{/
    private static final Pattern PROXIED_LOCATION = ~/location\s+(=\s*|~\s*)?(\S+)\s*\{[^}]*?proxy_pass\s+http:\/\/([\w-]+)/
    private static final Pattern UPSTREAM = ~/upstream\s+([\w-]+)\s*\{\s*server\s+([\w.-]+):(\d+);/
    private static final String WS_UPSTREAM_SUFFIX = '_ws'

    @Shared
    Map compose = loadCompose()

    /** The deployable services: the root pom's modules under services/ that have an entry point (exec.mainClass). */
    static List<String> reactorServices() {
        def pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve('pom.xml').toFile())
        def modules = pom.getElementsByTagName('module')
        (0..<modules.length).collect { modules.item(it).textContent.trim() }
                .findAll { it.startsWith('services/') && Files.readString(ROOT.resolve("${it}/pom.xml")).contains('<exec.mainClass>') }
                .collect { it.substring('services/'.length()) }
    }

    static Map loadCompose() {
        new Yaml().load(Files.readString(ROOT.resolve('docker-compose.yml'))) as Map
    }

    /** What a compose service sets in its environment (written as a map), every value as text. */
    static Map<String, String> composeEnvironment(Map compose, String service) {
        (compose.services[service]?.environment ?: [:] as Map).collectEntries { name, value -> [name, value as String] } as Map<String, String>
    }

    /** The environment variables a service's application.yml reads, each with its default (null when none). */
    static Map<String, String> envPlaceholders(String service) {
        def yml = Files.readString(ROOT.resolve("services/$service/src/main/resources/application.yml"))
        yml.findAll(ENV_PLACEHOLDER) { match, name, fallback -> [name, fallback] }
                .collectEntries { it } as Map<String, String>
    }

    /** The variables a container must be given: those without a default, or whose default is the local machine. */
    static Set<String> requiredVariables(String service) {
        envPlaceholders(service).findAll { name, fallback -> fallback == null || fallback =~ LOCAL_MACHINE }.keySet()
    }

    /** Every way the compose file fails the services: one missing, a required variable unset, a local address. */
    static List<String> violations(Map compose, List<String> services) {
        services.collectMany { service ->
            if (!(compose.services as Map)?.containsKey(service)) {
                return ["$service has no service in docker-compose.yml".toString()]
            }
            def environment = composeEnvironment(compose, service)
            def unset = requiredVariables(service).findAll { !environment.containsKey(it) }
                    .collect { "$service does not set $it".toString() }
            def local = environment.findAll { name, value -> value && value =~ LOCAL_MACHINE }
                    .collect { name, value -> "$service sets $name to the local machine: $value".toString() }
            unset + local
        }
    }

    /** Every location of an nginx config, with its = modifier when exact. */
    static Set<String> gatewayLocations(String nginxConf) {
        nginxConf.findAll(LOCATION) { match, exact, path -> (exact ? '= ' : '') + path } as Set<String>
    }

    /** The locations of an nginx config that proxy to an upstream, each with the upstream's name. */
    static Map<String, String> gatewayRoutes(String nginxConf) {
        nginxConf.findAll(PROXIED_LOCATION) { match, modifier, path, upstream -> [(modifier ? modifier.trim() + ' ' : '') + path, upstream] }
                .collectEntries { it } as Map<String, String>
    }

    /** The routes both gateways include. */
    static String sharedGatewayRoutes() {
        Files.readString(ROOT.resolve('infra/gateway/routes.conf'))
    }

    /** The service and the port (http, or ws for a WebSocket server) an upstream of the gateways sends to. */
    static List<String> upstreamTarget(String upstream) {
        upstream.endsWith(WS_UPSTREAM_SUFFIX)
                ? [upstream.substring(0, upstream.length() - WS_UPSTREAM_SUFFIX.length()).replace('_', '-'), 'ws']
                : [upstream.replace('_', '-'), 'http']
    }

    static String portVariable(String service) {
        service.toUpperCase().replace('-', '_') + '_PORT'
    }

    private static String dockerHealthCheck(Map build) {
        def dockerfile = ROOT.resolve(build.context as String).resolve(build.dockerfile as String ?: 'Dockerfile')
        Files.readAllLines(dockerfile).find { it.startsWith('HEALTHCHECK') && !it.contains('NONE') }
    }

    def 'every service in the reactor runs in docker-compose'() {
        expect:
        compose.services.containsKey(service)

        where:
        service << reactorServices()
    }

    def '#service gets every variable its application.yml requires, none pointing at the local machine'() {
        expect:
        violations(compose, [service]) == []

        where:
        service << reactorServices()
    }

    def 'the check reports #change'() {
        given:
        def broken = loadCompose()
        breakIt(broken)

        expect:
        violations(broken, reactorServices()) == [reported]

        where:
        change                               | breakIt                                                                              || reported
        'a service missing from compose'     | { Map c -> c.services.remove('conversations') }                                      || 'conversations has no service in docker-compose.yml'
        'a required variable left out'       | { Map c -> c.services['realtime-edge'].environment.remove('KAFKA_BOOTSTRAP_SERVERS') } || 'realtime-edge does not set KAFKA_BOOTSTRAP_SERVERS'
        'a variable pointing at the machine' | { Map c -> c.services.identity.environment.REDIS_URL = 'redis://127.0.0.1:6379' }    || 'identity sets REDIS_URL to the local machine: redis://127.0.0.1:6379'
    }

    def 'the required variables count a default on the local machine as none'() {
        expect:
        requiredVariables('conversations').containsAll(['DATABASE_URL', 'KAFKA_BOOTSTRAP_SERVERS', 'REDIS_URL'])
        !requiredVariables('conversations').contains('DATABASE_POOL_SIZE')
    }

    /** One-shot jobs (health check disabled) run to completion instead of staying up. */
    static boolean isJob(Map definition) {
        definition.healthcheck?.disable == true
    }

    def '#service names an image and has a health check, or is a one-shot job'() {
        given:
        def definition = compose.services[service]

        expect:
        definition.image
        isJob(definition) || definition.healthcheck?.test || (definition.build && dockerHealthCheck(definition.build))

        where:
        service << compose.services.keySet()
    }

    def '#service starts once what it depends on is healthy, or has completed for a job'() {
        given:
        def dependsOn = compose.services[service].depends_on as Map<String, Map>

        expect:
        dependsOn.every { dependency, options ->
            compose.services.containsKey(dependency) &&
                    options.condition == (isJob(compose.services[dependency]) ? 'service_completed_successfully' : 'service_healthy')
        }

        where:
        service << compose.services.findAll { name, definition -> definition.depends_on }.keySet()
    }

    def '#service builds the image of its own jar, listening on its own port'() {
        given:
        def build = compose.services[service].build

        expect:
        build.args.SERVICE == service
        build.args.PORT == composeEnvironment(compose, service)[portVariable(service)]
        dockerHealthCheck(build)
        Files.exists(ROOT.resolve("services/$service/pom.xml"))

        where:
        service << reactorServices()
    }

    def 'postgres makes the role of every service that connects to it, with the password the service uses'() {
        given:
        def postgres = composeEnvironment(compose, 'postgres')
        def withDatabase = reactorServices().findAll { composeEnvironment(compose, it).DATABASE_USER }

        expect:
        postgres.ZENDO_DATABASE_SERVICES.tokenize() as Set == withDatabase.collect { it.replace('-', '_') } as Set
        withDatabase.every { service ->
            def schema = service.replace('-', '_')
            def environment = composeEnvironment(compose, service)
            environment.DATABASE_USER == "zendo_$schema" &&
                    environment.DATABASE_PASSWORD == postgres["${schema.toUpperCase()}_DB_PASSWORD"]
        }
    }

    def 'the gateway image and the local gateway both serve the shared routes'() {
        given:
        def composeGateway = Files.readString(ROOT.resolve('infra/docker/gateway.conf'))
        def localGateway = Files.readString(ROOT.resolve('infra/gateway/nginx.conf.template'))
        def gatewayImage = Files.readString(ROOT.resolve(compose.services.gateway.build.dockerfile as String))

        expect:
        composeGateway.contains('include /etc/nginx/zendo/routes.conf;')
        gatewayImage.contains('COPY infra/docker/gateway.conf /etc/nginx/zendo/gateway.conf')
        gatewayImage.contains('COPY infra/gateway/routes.conf /etc/nginx/zendo/routes.conf')
        localGateway.contains('include @ROOT@/infra/gateway/routes.conf;')
        gatewayLocations(composeGateway).isEmpty() && gatewayLocations(localGateway).isEmpty()
        !gatewayRoutes(sharedGatewayRoutes()).isEmpty()

        and: 'both define the cache the shared routes keep public health answers in'
        sharedGatewayRoutes().contains('proxy_cache public_health;')
        [composeGateway, localGateway].every { it =~ /(?m)^\s*proxy_cache_path \S+ .*keys_zone=public_health:/ }
    }

    def 'compose runs the official #image image, which the air-gap override swaps for zendo/#service'() {
        given:
        def airgap = new Yaml().load(Files.readString(ROOT.resolve('docker-compose.airgap.yml'))) as Map

        expect:
        compose.services[service].image == image
        airgap.services[service] == [image: '${ZENDO_IMAGE_PREFIX:-zendo}/' + service + ':${ZENDO_TAG:-dev}']

        where:
        service    | image
        'postgres' | 'postgres:15'
        'redis'    | 'redis:7'
        'kafka'    | 'apache/kafka:3.9.1'
        'mail'     | 'greenmail/standalone:2.1.8'
    }

    def '#service runs an image of the project, built from the checkout and never pulled'() {
        given:
        def definition = compose.services[service]

        expect:
        definition.pull_policy == (definition.build ? '${ZENDO_PULL_POLICY:-build}' : 'never')

        where:
        service << compose.services.findAll { name, entry -> (entry.image as String).startsWith('${ZENDO_IMAGE_PREFIX:-zendo}/') }
                .keySet()
    }

    def 'the gateway builds on the official nginx image, and on the Debian base in the air-gap override'() {
        given:
        def airgap = new Yaml().load(Files.readString(ROOT.resolve('docker-compose.airgap.yml'))) as Map
        def dockerfile = Files.readString(ROOT.resolve(compose.services.gateway.build.dockerfile as String))

        expect:
        compose.services.gateway.build.args.NGINX_IMAGE == '${ZENDO_NGINX_IMAGE:-docker.io/library/nginx:1.28}'
        dockerfile.contains('ARG NGINX_IMAGE=docker.io/library/nginx:1.28\nFROM ${NGINX_IMAGE}\n')
        airgap.services.gateway == [build: [args: [NGINX_IMAGE: 'docker.io/library/debian:bookworm']]]
        airgap.services.keySet() == ['postgres', 'redis', 'kafka', 'mail', 'gateway'] as Set
    }

    def 'each upstream of the compose gateway is a compose service on the port its name says'() {
        given:
        def upstreams = Files.readString(ROOT.resolve('infra/docker/gateway.conf'))
                .findAll(UPSTREAM) { match, name, host, port -> [name, host, port] }

        expect:
        upstreams.collect { it[1] } as Set == reactorServices() as Set
        upstreams.every { name, host, port ->
            def (service, portName) = upstreamTarget(name)
            def variable = portName == 'ws' ? portVariable(service).replace('_PORT', '_WS_PORT') : portVariable(service)
            service == host && composeEnvironment(compose, host)[variable] == port
        }
    }

    def 'the realtime edge listens for WebSockets on the port the gateway sends /ws to'() {
        given:
        def routes = gatewayRoutes(sharedGatewayRoutes())
        def wsLocation = (sharedGatewayRoutes() =~ /location \/ws \{[^}]*}/)[0] as String

        expect:
        upstreamTarget(routes['/ws']) == ['realtime-edge', 'ws']
        composeEnvironment(compose, 'realtime-edge').REALTIME_EDGE_WS_PORT == '8086'
        wsLocation.contains('proxy_set_header Upgrade $http_upgrade;')
        wsLocation.contains('proxy_set_header Connection $connection_upgrade;')
    }
}
