package dev.zendo.system

import com.marcnuri.helm.Helm
import groovy.json.JsonOutput
import groovy.json.JsonSlurperClassic
import org.yaml.snakeyaml.Yaml
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

import static dev.zendo.system.ComposeFileSpec.composeEnvironment
import static dev.zendo.system.ComposeFileSpec.gatewayRoutes
import static dev.zendo.system.ComposeFileSpec.loadCompose
import static dev.zendo.system.ComposeFileSpec.sharedGatewayRoutes
import static dev.zendo.system.ComposeFileSpec.portVariable
import static dev.zendo.system.ComposeFileSpec.reactorServices
import static dev.zendo.system.ComposeFileSpec.upstreamTarget

/**
 * Lints and renders helm/zendo, validates what it renders against the Kubernetes API's schemas offline, and checks it
 * deploys every service of the reactor as docker-compose.yml does.
 */
class HelmChartSpec extends Specification {

    static final Path CHART = ComposeFileSpec.ROOT.resolve('helm/zendo')
    static final Path VALIDATOR = ComposeFileSpec.ROOT.resolve('helm/validate')
    static final String KUBE_VERSION = '1.32.0'
    static final String COMPONENT = 'app.kubernetes.io/component'

    @Shared
    List<Map> manifests = render([:])

    static List<Map> render(Map<String, Object> values) {
        def template = new Helm(CHART).template().withName('zendo').withKubeVersion(KUBE_VERSION)
        values.each { key, value -> template.set(key, value) }
        new Yaml().loadAll(template.call()).toList().findAll() as List<Map>
    }

    /** Each manifest's schema errors, from helm/validate (kubernetes-models' validators of the Kubernetes OpenAPI schemas). */
    static List<Map> schemaErrors(List<Map> manifests) {
        assert Files.isDirectory(VALIDATOR.resolve('node_modules')): "no ${VALIDATOR}/node_modules: run `npm ci` there (make test does)"
        def process = new ProcessBuilder('node', 'validate.mjs').directory(VALIDATOR.toFile()).redirectErrorStream(true).start()
        process.outputStream.withCloseable { it.write(JsonOutput.toJson(manifests).getBytes('UTF-8')) }
        def output = process.inputStream.getText('UTF-8')
        assert process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() in [0, 1]: output
        new JsonSlurperClassic().parseText(output) as List<Map>
    }

    @Shared
    Map compose = loadCompose()

    private List<Map> ofKind(String kind) {
        manifests.findAll { it.kind == kind }
    }

    private Map ofService(String kind, String service) {
        ofKind(kind).find { it.metadata.labels[COMPONENT] == service }
    }

    private Map container(String service) {
        ofService('Deployment', service).spec.template.spec.containers.first() as Map
    }

    /** The Ingress's routes, path to the component label of the Service it sends to and the name of the port. */
    private Map<String, List<String>> ingressRoutes() {
        def serviceComponents = ofKind('Service').collectEntries { [it.metadata.name, it.metadata.labels[COMPONENT]] }
        ofKind('Ingress').first().spec.rules.first().http.paths.collectEntries {
            [(it.pathType == 'ImplementationSpecific' ? '~ ^' : '') + it.path, [serviceComponents[it.backend.service.name], it.backend.service.port.name]]
        } as Map<String, List<String>>
    }

    private static String appVersion() {
        (new Yaml().load(Files.readString(CHART.resolve('Chart.yaml'))) as Map).appVersion
    }

    private static Map port(List<Map> ports, String name) {
        ports.find { it.name == name } as Map
    }

    def 'the chart passes a strict lint'() {
        when:
        def result = new Helm(CHART).lint().strict().call()

        then:
        !result.failed
        result.messages.findAll { !it.startsWith('[INFO]') } == []
    }

    def 'every manifest rendered with #values is valid against the Kubernetes 1.32 API schemas'() {
        given:
        def rendered = render(values)

        when:
        def results = schemaErrors(rendered)

        then:
        results.size() == rendered.size()
        results*.kind.containsAll(['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget'])
        results.findAll { it.errors } == []

        where:
        values << [
                [:],
                ['ingress.host': 'chat.example.com', 'ingress.className': 'nginx',
                 'ingress.tls[0].secretName': 'zendo-tls', 'ingress.tls[0].hosts[0]': 'chat.example.com'],
                ['postgresql.existingSecret': 'db', 'redis.existingSecret': 'redis', 'serviceAccount.create': false,
                 'image.registry': 'registry.example.com', 'image.tag': '1.2.3'],
                ['services.identity.autoscaling.enabled': true, 'ingress.enabled': false,
                 'services.identity.podDisruptionBudget.enabled': false],
        ]
    }

    def 'the schema check rejects a Deployment whose #problem'() {
        given:
        def deployment = new JsonSlurperClassic().parseText(JsonOutput.toJson(ofService('Deployment', 'identity'))) as Map
        breakIt(deployment)

        when:
        def errors = schemaErrors([deployment]).first().errors

        then:
        errors.any { it.contains(error) }

        where:
        problem                          | breakIt                                                              || error
        'container port is a string'     | { Map d -> d.spec.template.spec.containers[0].ports[0].containerPort = '8081' } || 'containerPort must be integer'
        'containers are missing'         | { Map d -> d.spec.template.spec.remove('containers') }               || 'must have required property containers'
        'replicas is not a number'       | { Map d -> d.spec.replicas = 'two' }                                 || 'replicas must be integer'
        'kind does not exist in apps/v1' | { Map d -> d.kind = 'Deploymint' }                                   || 'unknown kind Deploymint'
    }

    def '#service has a Deployment and a Service on its port'() {
        expect:
        ofService('Deployment', service)
        port(ofService('Service', service).spec.ports, 'http').port == port
        port(container(service).ports, 'http').containerPort == port

        where:
        service << reactorServices()
        port = composeEnvironment(compose, service)[portVariable(service)] as Integer
    }

    def "the realtime edge's WebSocket server is a container port and a Service port named ws, on the port docker-compose gives it"() {
        given:
        def wsPort = composeEnvironment(compose, 'realtime-edge').REALTIME_EDGE_WS_PORT as Integer
        def env = container('realtime-edge').env.collectEntries { [it.name, it.value] }

        expect:
        port(container('realtime-edge').ports, 'ws').containerPort == wsPort
        port(ofService('Service', 'realtime-edge').spec.ports, 'ws').targetPort == 'ws'
        port(ofService('Service', 'realtime-edge').spec.ports, 'ws').port == wsPort
        env.REALTIME_EDGE_WS_PORT == wsPort as String
        env.REALTIME_TICKETS_JWKS_URL == 'http://zendo-websites:8082/v1/realtime/jwks.json'
        env.REALTIME_VISITOR_JWKS_URL == 'http://zendo-conversations:8083/v1/widget/jwks.json'
        [env.REALTIME_TICKETS_ISSUER, env.REALTIME_VISITOR_ISSUER] == ['zendo-websites', 'zendo-conversations']
        reactorServices().findAll { it != 'realtime-edge' }.every { service -> !port(ofService('Service', service).spec.ports, 'ws') }
    }

    def "#service's Deployment probes liveness and readiness on the health endpoints"() {
        given:
        def container = container(service)

        expect:
        container.livenessProbe.httpGet.path == '/health/liveness'
        container.readinessProbe.httpGet.path == '/health/readiness'
        [container.livenessProbe, container.readinessProbe]*.httpGet*.port.every { it == 'http' }

        where:
        service << reactorServices()
    }

    def '#service gets the environment variables docker-compose gives it'() {
        expect:
        container(service).env*.name as Set == composeEnvironment(compose, service).keySet()

        where:
        service << reactorServices()
    }

    def '#service reads only the public keyset of the invitation sealing Secret, never the private one'() {
        given:
        def pod = ofService('Deployment', service).spec.template.spec
        def volume = pod.volumes.find { it.name == 'invitation-seal' }

        expect:
        volume.secret.secretName == 'zendo-invitation-seal'
        volume.secret.items == [[key: 'public.json', path: 'public.json']]
        container(service).volumeMounts.find { it.name == 'invitation-seal' }.readOnly
        container(service).env.find { it.name == variable }.value == '/invitation-seal/public.json'

        where:
        service    | variable
        'websites' | 'INVITATION_SEAL_PUBLIC_KEYSET_FILE'
        'identity' | 'NOTIFICATIONS_SEAL_PUBLIC_KEYSET_FILE'
    }

    def 'conversations reads its signing keys and the keyset of identity-verification secrets from Secrets, read-only'() {
        given:
        def pod = ofService('Deployment', 'conversations').spec.template.spec
        def env = container('conversations').env.collectEntries { [it.name, it.value] }

        expect:
        pod.volumes.find { it.name == 'signing-keys' }.secret.secretName == 'zendo-conversations-signing'
        pod.volumes.find { it.name == 'identity-secrets' }.secret.secretName == 'zendo-identity-secrets'
        pod.volumes.find { it.name == 'identity-secrets' }.secret.items == [[key: 'keyset.json', path: 'keyset.json']]
        container('conversations').volumeMounts.findAll { it.name in ['signing-keys', 'identity-secrets'] }*.readOnly == [true, true]
        env.SIGNING_JWKS_FILE == '/keys/jwks.json'
        env.IDENTITY_SECRETS_KEYSET_FILE == '/identity-secrets/keyset.json'
    }

    def 'notifications reads the keyset of webhook signing secrets from a Secret, read-only'() {
        given:
        def pod = ofService('Deployment', 'notifications').spec.template.spec
        def volume = pod.volumes.find { it.name == 'webhook-secrets' }

        expect:
        volume.secret.secretName == 'zendo-webhook-secrets'
        volume.secret.items == [[key: 'keyset.json', path: 'keyset.json']]
        container('notifications').volumeMounts.find { it.name == 'webhook-secrets' }.readOnly
        container('notifications').env.find { it.name == 'WEBHOOK_SECRETS_KEYSET_FILE' }.value == '/webhook-secrets/keyset.json'
    }

    def 'the realtime edge reads the secret its nodes share from the Secret #secret'() {
        given:
        def env = (render(values).find { it.kind == 'Deployment' && it.metadata.labels[COMPONENT] == 'realtime-edge' }
                .spec.template.spec.containers.first() as Map).env.find { it.name == 'REALTIME_CHECKED_SIGNATURES_SECRET' }

        expect:
        env.valueFrom.secretKeyRef == [name: secret, key: 'secret', optional: true]

        where:
        values                                                                              | secret
        [:]                                                                                 | 'zendo-realtime-signatures'
        ['services.realtime-edge.realtimeTokens.checkedSignatures.existingSecret': 'edges'] | 'edges'
    }

    def '#service is scaled by a HorizontalPodAutoscaler'() {
        given:
        def autoscaler = ofService('HorizontalPodAutoscaler', service)

        expect:
        autoscaler.spec.scaleTargetRef == [apiVersion: 'apps/v1', kind: 'Deployment', name: ofService('Deployment', service).metadata.name]
        autoscaler.spec.minReplicas >= 2
        ofService('Deployment', service).spec.replicas == null

        where:
        service << ['realtime-edge', 'conversations']
    }

    def "#service's pods run as a non-root user and have a disruption budget"() {
        given:
        def pod = ofService('Deployment', service).spec.template.spec

        expect:
        pod.securityContext.runAsNonRoot
        pod.securityContext.runAsUser > 0
        !container(service).securityContext.allowPrivilegeEscalation
        ofService('PodDisruptionBudget', service).spec.selector.matchLabels[COMPONENT] == service

        where:
        service << reactorServices()
    }

    def "the Ingress sends #path to #service's #port port"() {
        expect:
        ingressRoutes()[path] == [service, port]

        where:
        path                | service         | port
        '/v1/auth'          | 'identity'      | 'http'
        '/v1/agents'        | 'identity'      | 'http'
        '/.well-known'      | 'identity'      | 'http'
        '/v1/websites'      | 'websites'      | 'http'
        '/v1/invitations'   | 'websites'      | 'http'
        '/v1/realtime'      | 'websites'      | 'http'
        '/v1/widget'        | 'conversations' | 'http'
        '/v1/inbox'         | 'conversations' | 'http'
        '/v1/server'        | 'conversations' | 'http'
        '/v1/notifications' | 'notifications' | 'http'
        '~ ^/v1/websites/[^/]+/(webhooks|notifications|notification-preferences)(/|$)' | 'notifications' | 'http'
        '/ws'               | 'realtime-edge' | 'ws'
    }

    def 'the Ingress routes exactly the API paths of the local gateway, and everything else to the gateway'() {
        given:
        def gatewayApi = gatewayRoutes(sharedGatewayRoutes())
                .findAll { location, upstream -> !location.startsWith('= ') }
                .collectEntries { location, upstream -> [location.replaceAll('/$', ''), upstreamTarget(upstream)] }

        expect:
        ingressRoutes() == gatewayApi + ['/': ['gateway', 'http']]
    }

    def 'the gateway image serves the front ends and reaches every service through its Service'() {
        given:
        def pod = ofService('Deployment', 'gateway').spec.template.spec
        def gateway = pod.containers.first() as Map
        def env = gateway.env.collectEntries { [it.name, it.value] }
        def upstreams = reactorServices().collectEntries { service ->
            [service.toUpperCase().replace('-', '_') + '_UPSTREAM', "zendo-${service}:${port(ofService('Service', service).spec.ports, 'http').port}" as String]
        } + [REALTIME_EDGE_WS_UPSTREAM: "zendo-realtime-edge:${port(ofService('Service', 'realtime-edge').spec.ports, 'ws').port}" as String]

        expect:
        gateway.image == "zendo/gateway:${appVersion()}" as String
        ComposeFileSpec.ROOT.resolve('infra/docker/gateway.Dockerfile').toFile().isFile()
        env == upstreams
        port(ofService('Service', 'gateway').spec.ports, 'http').targetPort == 'http'
        [gateway.livenessProbe, gateway.readinessProbe]*.httpGet*.path == ['/health/gateway', '/health/gateway']
        gateway.securityContext.readOnlyRootFilesystem
        gateway.volumeMounts == [[name: 'tmp', mountPath: '/tmp']]
        pod.securityContext.runAsNonRoot
        ofService('PodDisruptionBudget', 'gateway')
    }

    def "every container runs an image of the project's own, zendo/<component> at the chart's version"() {
        given:
        def version = appVersion()

        expect:
        ofKind('Deployment').collectEntries { [it.metadata.labels[COMPONENT], it.spec.template.spec.containers*.image] } ==
                (reactorServices() + 'gateway').collectEntries { [it, ["zendo/${it}:${version}" as String]] }
    }
}
