package dev.zendo.identity

import ch.qos.logback.classic.Level
import ch.qos.logback.classic.Logger
import ch.qos.logback.classic.spi.ILoggingEvent
import ch.qos.logback.core.read.ListAppender
import com.google.protobuf.ByteString
import com.nimbusds.jose.jwk.JWKSet
import dev.zendo.auth.keys.KeyTool
import dev.zendo.auth.seal.Opener
import dev.zendo.events.v1.Envelope
import dev.zendo.testsupport.SteppingClock
import dev.zendo.testsupport.TestInfra
import dev.zendo.testsupport.TestSealKeys
import groovy.json.JsonOutput
import groovy.json.JsonSlurperClassic
import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.transaction.TransactionOperations
import io.micronaut.transaction.TransactionStatus
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions
import org.slf4j.LoggerFactory

import java.nio.charset.StandardCharsets
import java.sql.Connection
import java.time.Clock
import java.time.Duration

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.NOTIFICATIONS_SEAL_KEY
import static dev.zendo.testsupport.TestInfra.Need.REDIS

/**
 * What identity's specs share: a running service on a fresh database with this run's Kafka and Redis, signing keys
 * with a current and a previous key, its own events topic, and helpers to call the API as a client would.
 */
abstract class IdentitySpecification extends Specification {

    static final String PASSWORD = 'plenty-of-entropy-42'

    /** Signing keys: the first signs, the second is the previous key, still published. */
    @Shared
    JWKSet keys = KeyTool.promote(KeyTool.addNext(KeyTool.init()))

    @Shared
    String topic = TestInfra.uniqueName('zendo.identity-spec')

    @Shared
    @AutoCleanup
    EmbeddedServer server

    @Shared
    @AutoCleanup
    HttpClient httpClient

    /** This spec's client address, sent as X-Forwarded-For so throttling counts no other spec's failures. */
    @Shared
    String clientAddress = randomAddress()

    def setupSpec() {
        server = ApplicationContext.run(EmbeddedServer, TestInfra.properties('identity', DATABASE, KAFKA, REDIS, NOTIFICATIONS_SEAL_KEY) + [
                'zendo.auth.signing.jwks' : keys.toString(false),
                'zendo.identity.topic'    : topic,
        ] + settings() as Map<String, Object>, 'test')
        httpClient = HttpClient.create(server.URL)
    }

    /** How far the current feature moved the service's stepping clock; it is moved back when the feature ends. */
    private Duration clockMoved = Duration.ZERO

    def cleanup() {
        if (!clockMoved.zero) {
            (context.getBean(Clock) as SteppingClock).advance(clockMoved.negated())
            clockMoved = Duration.ZERO
        }
    }

    /**
     * Moves the clock of a service started with {@code spec.clock: stepping} ahead, until the feature ends: the
     * access tokens it signs meanwhile are checked against the real time, so later features start from it again.
     */
    void advanceClock(Duration duration) {
        (context.getBean(Clock) as SteppingClock).advance(duration)
        clockMoved += duration
    }

    /** Settings a spec adds to or overrides in the service's configuration. */
    Map<String, Object> settings() {
        [:]
    }

    ApplicationContext getContext() {
        server.applicationContext
    }

    /** A documentation-range IPv6 address no other spec or run uses. */
    static String randomAddress() {
        def random = new Random()
        '2001:db8:' + (1..6).collect { Integer.toHexString(random.nextInt(0x10000)) }.join(':')
    }

    static String uniqueEmail() {
        TestInfra.uniqueName('agent').toLowerCase() + '@example.com'
    }

    /** Signs a new agent up and returns the token response. */
    Map signup(String email = uniqueEmail(), String password = PASSWORD, String name = 'Ada Lovelace') {
        def response = send(post('/v1/auth/signup', [email: email, password: password, name: name]))
        assert response.status == 201: response.body
        response.body
    }

    Map login(String email, String password = PASSWORD) {
        send(post('/v1/auth/login', [email: email, password: password]))
    }

    Map refresh(String refreshToken) {
        send(post('/v1/auth/refresh', [refresh_token: refreshToken]))
    }

    /** The claims of an access token, read without checking it. */
    static Map claims(String accessToken) {
        new JsonSlurperClassic().parseText(new String(Base64.urlDecoder.decode(accessToken.split('\\.')[1]), StandardCharsets.UTF_8)) as Map
    }

    Map me(String accessToken) {
        send(HttpRequest.GET('/v1/auth/me').bearerAuth(accessToken))
    }

    static MutableHttpRequest<?> post(String path, Object body) {
        json(HttpRequest.POST(path, body instanceof String ? body : JsonOutput.toJson(body)))
    }

    static MutableHttpRequest<?> patch(String path, Object body) {
        json(HttpRequest.PATCH(path, body instanceof String ? body : JsonOutput.toJson(body)))
    }

    static MutableHttpRequest<?> delete(String path, Object body) {
        json(HttpRequest.DELETE(path, body instanceof String ? body : JsonOutput.toJson(body)))
    }

    private static MutableHttpRequest<?> json(MutableHttpRequest<?> request) {
        request.contentType(MediaType.APPLICATION_JSON_TYPE)
    }

    /** Sends {@code request} from this spec's client address; returns status, parsed JSON body and headers, whatever the status. */
    Map send(MutableHttpRequest<?> request) {
        sendWith(httpClient, request)
    }

    /** Like {@link #send}, through {@code client}. */
    Map sendWith(HttpClient client, MutableHttpRequest<?> request) {
        if (!request.headers.contains('X-Forwarded-For')) {
            request.header('X-Forwarded-For', clientAddress)
        }
        try {
            def response = client.toBlocking().exchange(request, String)
            [status: response.code(), body: parse(response.body()), headers: response.headers]
        } catch (HttpClientResponseException e) {
            [status: e.response.code(), body: parse(e.response.getBody(String).orElse(null)), headers: e.response.headers]
        }
    }

    private static Object parse(String text) {
        text ? new JsonSlurperClassic().parseText(text) : null
    }

    /** Runs {@code sql} on the service's database and returns the first column of the first row. */
    Object query(String sql, Object... parameters) {
        context.getBean(TransactionOperations).executeRead { TransactionStatus<Connection> status ->
            def statement = status.connection.prepareStatement(sql)
            parameters.eachWithIndex { value, i -> statement.setObject(i + 1, value) }
            def result = statement.executeQuery()
            result.next() ? result.getObject(1) : null
        }
    }

    /** The events identity wrote to its outbox for {@code agentId}, oldest first. */
    List<Envelope> outboxEvents(String agentId, ApplicationContext service = context) {
        service.getBean(TransactionOperations).executeRead { TransactionStatus<Connection> status ->
            def statement = status.connection.prepareStatement('SELECT payload FROM outbox WHERE event_key = ? ORDER BY id')
            statement.setString(1, agentId)
            def rows = statement.executeQuery()
            def events = []
            while (rows.next()) {
                events << Envelope.parseFrom(rows.getBytes(1))
            }
            events
        } as List<Envelope>
    }

    /** The outbox events of {@code agentId} carrying {@code payload}, once there are {@code count} of them (they may be written after the answer). */
    List<Envelope> awaitEvents(String agentId, Envelope.PayloadCase payload, int count = 1, ApplicationContext service = context) {
        List<Envelope> found = []
        new PollingConditions(timeout: 10, delay: 0.05).eventually {
            found.clear()
            found.addAll(outboxEvents(agentId, service).findAll { it.payloadCase == payload })
            assert found.size() >= count
        }
        found
    }

    /** What notifications would open from {@code sealed}, with the private keyset of the test run's seal keys. */
    static String opened(ByteString sealed, String contextInfo) {
        new String(Opener.of(TestSealKeys.privateKeyset()).open(sealed.toByteArray(), contextInfo.getBytes(StandardCharsets.UTF_8)).get(),
                StandardCharsets.UTF_8)
    }

    /** Starts keeping every log line of the service's code (debug and up) and of everything else (info and up). */
    ListAppender<ILoggingEvent> captureLogs() {
        def appender = new ListAppender<ILoggingEvent>()
        appender.start()
        (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) as Logger).addAppender(appender)
        (LoggerFactory.getLogger('dev.zendo') as Logger).level = Level.DEBUG
        appender
    }

    /** Stops what {@link #captureLogs} started and returns every line it kept, with its stack traces, as text. */
    static String release(ListAppender<ILoggingEvent> appender) {
        (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) as Logger).detachAppender(appender)
        (LoggerFactory.getLogger('dev.zendo') as Logger).level = null
        appender.list.collect { event ->
            event.formattedMessage + (event.throwableProxy ? ' ' + event.throwableProxy.message : '')
        }.join('\n')
    }

    /** Runs an update on the service's database. */
    int update(String sql, Object... parameters) {
        context.getBean(TransactionOperations).executeWrite { TransactionStatus<Connection> status ->
            def statement = status.connection.prepareStatement(sql)
            parameters.eachWithIndex { value, i -> statement.setObject(i + 1, value) }
            statement.executeUpdate()
        } as int
    }
}
