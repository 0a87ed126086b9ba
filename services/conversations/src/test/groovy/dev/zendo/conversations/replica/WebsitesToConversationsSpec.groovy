package dev.zendo.conversations.replica

import com.nimbusds.jose.jwk.JWKSet
import dev.zendo.testsupport.RepoRoot
import dev.zendo.testsupport.TestInfra
import dev.zendo.testsupport.TestIssuer
import dev.zendo.testsupport.TestKeys
import dev.zendo.testsupport.TestSealKeys
import groovy.json.JsonOutput
import groovy.json.JsonSlurperClassic
import io.micronaut.context.ApplicationContext
import spock.lang.AutoCleanup
import spock.lang.Requires
import spock.lang.Shared

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS

/**
 * End to end: the real websites service (its packaged jar, as its own process) and conversations on the same Kafka. A
 * website created through websites' API is admitted by its public key and its secret key in conversations, and a
 * rotation reaches it too. Runs where the websites jar is built (the reactor packages websites before conversations);
 * bench/replica/run.sh measures how soon.
 */
@Requires({ Files.exists(WebsitesToConversationsSpec.JAR) })
class WebsitesToConversationsSpec extends ReplicaSpecification {

    static final Path JAR = RepoRoot.get().resolve('services/websites/target/websites-0.1.0-SNAPSHOT.jar')

    @Shared
    @AutoCleanup
    TestIssuer identity = TestIssuer.start('zendo-identity', 'zendo')

    @Shared
    HttpClient http = HttpClient.newHttpClient()

    @Shared
    int websitesPort = freePort()

    @Shared
    Process websites = startWebsites()

    @Shared
    @AutoCleanup
    ApplicationContext conversations = start([websites: 'zendo.websites', identity: 'zendo.identity'])

    def cleanupSpec() {
        websites?.destroy()
        websites?.waitFor(20, TimeUnit.SECONDS)
    }

    def "a website created through websites' API is admitted by its keys in conversations, and so is a rotated key"() {
        given:
        def owner = 'owner-' + UUID.randomUUID()
        def token = identity.token(owner, [token_use: 'access', email: "$owner@example.com".toString(), name: 'Owner'])
        def sites = conversations.getBean(SiteDirectory)
        def members = conversations.getBean(MemberDirectory)
        def groups = conversations.getBean(GroupDirectory)

        when:
        def website = call('POST', '/v1/websites', token, [name: 'End to end', allowed_origins: ['https://shop.example']])
        def id = UUID.fromString(website.id as String)

        then:
        within(60).eventually {
            assert sites.byPublicKey(website.public_key as String).map { it.id() } == Optional.of(id)
        }
        sites.websiteForSecretKey(website.secret_key as String) == Optional.of(id)
        sites.find(id).get().allowedOrigins() == website.allowed_origins

        and: 'the owner and the default group follow in the events after the creation'
        within(60).eventually {
            assert members.find(id, owner).map { it.role() } == Optional.of(dev.zendo.conversations.access.Role.OWNER)
            assert groups.defaultGroup(id).map { it.memberAgentIds() } == Optional.of([owner])
        }

        when:
        def rotated = call('POST', "/v1/websites/$id/keys/rotate", token, [kind: 'public'])

        then:
        within(60).eventually {
            assert sites.byPublicKey(rotated.public_key as String).map { it.id() } == Optional.of(id)
        }
        sites.byPublicKey(website.public_key as String).map { it.id() } == Optional.of(id)
    }

    private Process startWebsites() {
        def database = TestInfra.database('websites')
        def infra = TestInfra.infrastructure()
        def log = Files.createTempFile('websites-e2e', '.log')
        def builder = new ProcessBuilder(Path.of(System.getProperty('java.home'), 'bin', 'java').toString(),
                '-Xmx192m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-jar', JAR.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile())
        builder.environment().putAll([
                WEBSITES_PORT                : websitesPort as String,
                DATABASE_URL                 : database.jdbcUrl(),
                DATABASE_USER                : database.user(),
                DATABASE_PASSWORD            : database.password(),
                KAFKA_BOOTSTRAP_SERVERS      : infra.kafkaBootstrapServers(),
                REDIS_URL                    : infra.redisUri(),
                IDENTITY_JWKS_URL            : identity.jwksUrl(),
                SIGNING_JWKS                 : new JWKSet(TestKeys.newKey()).toString(false),
                INVITATION_SEAL_PUBLIC_KEYSET: TestSealKeys.publicKeyset(),
        ])
        def process = builder.start()
        within(90).eventually {
            assert process.alive: "websites exited: ${Files.readString(log)}"
            assert healthy()
        }
        process
    }

    private boolean healthy() {
        try {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:$websitesPort/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200
        } catch (IOException ignored) {
            false
        }
    }

    private Map call(String method, String path, String token, Map body) {
        def response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:$websitesPort$path"))
                .header('Content-Type', 'application/json').header('Authorization', "Bearer $token")
                .method(method, HttpRequest.BodyPublishers.ofString(JsonOutput.toJson(body))).build(), HttpResponse.BodyHandlers.ofString())
        assert response.statusCode() in [200, 201]: response.body()
        new JsonSlurperClassic().parseText(response.body()) as Map
    }

    private static int freePort() {
        new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
    }
}
