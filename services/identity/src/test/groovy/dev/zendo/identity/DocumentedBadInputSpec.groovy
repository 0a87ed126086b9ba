package dev.zendo.identity

import com.nimbusds.jose.jwk.JWKSet
import dev.zendo.auth.keys.KeyTool
import dev.zendo.testsupport.TestInfra
import dev.zendo.testsupport.badinput.OpenApiBadInputSpec
import dev.zendo.testsupport.badinput.RawHttp
import groovy.json.JsonOutput
import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.transaction.TransactionOperations
import io.micronaut.transaction.TransactionStatus
import spock.lang.AutoCleanup
import spock.lang.Shared

import java.nio.charset.StandardCharsets
import java.sql.Connection

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.NOTIFICATIONS_SEAL_KEY
import static dev.zendo.testsupport.TestInfra.Need.REDIS

/** The generic bad-input probe over every operation of identity's served OpenAPI document, as a signed-up agent. */
class DocumentedBadInputSpec extends OpenApiBadInputSpec {

    @Shared
    @AutoCleanup
    EmbeddedServer server = ApplicationContext.run(EmbeddedServer, TestInfra.properties('identity', DATABASE, KAFKA, REDIS, NOTIFICATIONS_SEAL_KEY) + [
            'zendo.auth.signing.jwks': KeyTool.init().toString(false),
            'zendo.identity.topic'   : TestInfra.uniqueName('zendo.identity-spec'),
    ] as Map<String, Object>, 'test')

    /** This spec's client address, so throttling counts no other spec's failures. */
    @Shared
    String clientAddress = IdentitySpecification.randomAddress()

    @Shared
    Map session = signup()

    @Override
    URL server() {
        server.URL
    }

    @Override
    String service() {
        'identity'
    }

    @Override
    Map<String, String> headers() {
        [Authorization: "Bearer $session.access_token".toString(), 'X-Forwarded-For': clientAddress]
    }

    @Override
    Map<String, String> pathValues() {
        [:]
    }

    @Override
    Object state() {
        ['agent', 'refresh_token', 'email_verification', 'password_reset', 'sign_in_code']
                .collect { query("SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM $it t") } +
                query("SELECT string_agg(event_id::text, ',' ORDER BY id) FROM outbox")
    }

    private Map signup() {
        def body = [email: IdentitySpecification.uniqueEmail(), password: IdentitySpecification.PASSWORD, name: 'Ada Lovelace']
        def reply = RawHttp.send(server.URL, 'POST', '/v1/auth/signup', ['Content-Type': 'application/json', 'X-Forwarded-For': clientAddress],
                JsonOutput.toJson(body).getBytes(StandardCharsets.UTF_8))
        assert reply.status == 201: reply
        reply.json as Map
    }

    private Object query(String sql) {
        server.applicationContext.getBean(TransactionOperations).executeRead { TransactionStatus<Connection> status ->
            def result = status.connection.prepareStatement(sql).executeQuery()
            result.next() ? result.getObject(1) : null
        }
    }
}
