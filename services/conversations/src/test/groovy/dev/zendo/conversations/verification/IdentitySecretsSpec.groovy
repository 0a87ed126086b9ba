package dev.zendo.conversations.verification

import dev.zendo.platform.http.ApiException
import dev.zendo.testsupport.TestInfra
import groovy.json.JsonSlurperClassic
import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpStatus
import io.micronaut.serde.ObjectMapper
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.nio.charset.StandardCharsets
import java.sql.DriverManager
import java.time.Duration
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

import static dev.zendo.conversations.verification.UserTokens.hs
import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.IDENTITY_SECRETS_KEYSET
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS
import static dev.zendo.testsupport.TestInfra.Need.SIGNING_KEYS

/**
 * Identity-verification secrets: shown once, stored only encrypted, rotated with an overlap, revocable, audited,
 * and never in an event.
 */
class IdentitySecretsSpec extends Specification {

    @Shared
    Map<String, String> properties = TestInfra.properties('conversations', DATABASE, KAFKA, REDIS, SIGNING_KEYS, IDENTITY_SECRETS_KEYSET)

    @Shared
    @AutoCleanup
    ApplicationContext context = ApplicationContext.run(properties as Map<String, Object>, 'test')

    @Shared
    IdentitySecrets secrets = context.getBean(IdentitySecrets)

    @Shared
    IdentityVerifier verifier = context.getBean(IdentityVerifier)

    UUID websiteId = UUID.randomUUID()

    def 'a rotation shows the new secret once; the database holds it only encrypted, and the audit log names who'() {
        when:
        def issued = secrets.rotate(websiteId, 'agent-1', null)
        def listed = secrets.list(websiteId)

        then:
        issued.secret() ==~ /ivs_[A-Za-z0-9_-]{43}/
        issued.hint() == issued.secret()[-4..-1]
        issued.previousValidUntil() == null
        !issued.toString().contains(issued.secret())
        listed*.id() == [issued.id()]
        listed[0].current()
        listed[0].createdBy() == 'agent-1'
        !context.getBean(ObjectMapper).writeValueAsString(listed).contains(issued.secret())

        and: 'the row holds neither the secret nor its base64 part, in any encoding'
        def row = rows('SELECT * FROM identity_secrets WHERE website_id = ?', websiteId).first()
        def stored = row.values().collect { it instanceof byte[] ? new String(it, StandardCharsets.ISO_8859_1) : String.valueOf(it) }.join('|')
        !stored.contains(issued.secret().substring(4))
        !stored.contains(issued.secret().substring(4).bytes.encodeHex().toString())

        and:
        def audit = rows('SELECT * FROM audit_log WHERE website_id = ?', websiteId)
        audit.size() == 1
        audit[0].actor_kind == 'AGENT'
        audit[0].actor_id == 'agent-1'
        audit[0].action == 'identity_secret.rotated'
        audit[0].target_id == issued.id().toString()
        new JsonSlurperClassic().parseText(audit[0].detail.toString()) == [hint: issued.hint()]

        and: 'no event carries it'
        rows('SELECT count(*) AS n FROM outbox')[0].n == 0
    }

    def 'after a rotation the previous secret verifies until the overlap ends, then neither verifies nor lingers'() {
        given:
        def first = secrets.rotate(websiteId, 'agent-1', null)

        when:
        def second = secrets.rotate(websiteId, 'agent-2', Duration.ofHours(1))

        then:
        second.previousValidUntil() == second.createdAt() + Duration.ofHours(1)
        secrets.list(websiteId).collect { [it.id(), it.current(), it.expiresAt()] } ==
                [[second.id(), true, null], [first.id(), false, second.previousValidUntil()]]
        verifier.verify(websiteId, hs(first.secret())).userId() == 'user-42'
        verifier.verify(websiteId, hs(second.secret())).userId() == 'user-42'

        when: 'the overlap ends'
        rows("UPDATE identity_secrets SET expires_at = now() - interval '1 second' WHERE id = ? RETURNING id", first.id())
        verifier.verify(websiteId, hs(first.secret()))

        then:
        def e = thrown(ApiException)
        e.code() == 'identity_token_invalid'
        secrets.list(websiteId)*.id() == [second.id()]

        when:
        context.getBean(ExpiredSecretPurger).purge()

        then:
        rows('SELECT id FROM identity_secrets WHERE website_id = ?', websiteId)*.id == [second.id()]
    }

    def 'a rotation without overlap stops every earlier secret at once and leaves no row of them'() {
        given:
        def first = secrets.rotate(websiteId, 'agent-1', null)
        def second = secrets.rotate(websiteId, 'agent-1', Duration.ofHours(1))

        when:
        def third = secrets.rotate(websiteId, 'agent-1', Duration.ZERO)

        then:
        secrets.list(websiteId)*.id() == [third.id()]
        rows('SELECT id FROM identity_secrets WHERE website_id = ?', websiteId)*.id == [third.id()]
        [first, second].every { refused(hs(it.secret())) }
    }

    def 'a revoked previous secret stops verifying at once, leaves no row, and the audit log names who'() {
        given:
        def first = secrets.rotate(websiteId, 'agent-1', null)
        def second = secrets.rotate(websiteId, 'agent-1', null)

        when:
        secrets.revoke(websiteId, 'agent-2', first.id())

        then:
        refused(hs(first.secret()))
        verifier.verify(websiteId, hs(second.secret())).userId() == 'user-42'
        rows('SELECT id FROM identity_secrets WHERE website_id = ?', websiteId)*.id == [second.id()]
        rows('SELECT actor_id, action, target_id FROM audit_log WHERE website_id = ? ORDER BY id', websiteId).last() ==
                [actor_id: 'agent-2', action: 'identity_secret.revoked', target_id: first.id().toString()]
    }

    def 'revoking #description is refused with #status #code and changes nothing'() {
        given:
        def first = secrets.rotate(websiteId, 'agent-1', null)
        def current = secrets.rotate(websiteId, 'agent-1', null)
        def other = secrets.rotate(UUID.randomUUID(), 'agent-1', null)
        def ids = [current: current.id(), unknown: UUID.randomUUID(), other: other.id()]
        def before = secrets.list(websiteId)

        when:
        secrets.revoke(websiteId, 'agent-1', ids[which])

        then:
        def e = thrown(ApiException)
        e.status == status
        e.code() == code
        secrets.list(websiteId) == before
        rows('SELECT count(*) AS n FROM audit_log WHERE website_id = ?', websiteId)[0].n == 2

        where:
        description                       | which     || status                 | code
        'the current secret'              | 'current' || HttpStatus.CONFLICT    | 'current_identity_secret'
        'an unknown secret'               | 'unknown' || HttpStatus.NOT_FOUND   | 'not_found'
        "another website's secret"        | 'other'   || HttpStatus.NOT_FOUND   | 'not_found'
    }

    def 'an overlap of #overlap is refused with 400 and changes nothing'() {
        given:
        def current = secrets.rotate(websiteId, 'agent-1', null)

        when:
        secrets.rotate(websiteId, 'agent-1', overlap)

        then:
        def e = thrown(ApiException)
        e.status == HttpStatus.BAD_REQUEST
        e.message.contains('overlap')
        secrets.list(websiteId)*.id() == [current.id()]

        where:
        overlap << [Duration.ofSeconds(-1), Duration.ofDays(7).plusSeconds(1), Duration.ofDays(30)]
    }

    def '#rotations concurrent rotations of one website leave exactly one current secret and every one audited'() {
        given:
        def pool = Executors.newFixedThreadPool(rotations)
        def start = new CountDownLatch(1)

        when:
        def futures = (1..rotations).collect { i ->
            pool.submit({ -> start.await(); secrets.rotate(websiteId, "agent-$i", Duration.ofHours(1)) } as Callable)
        }
        start.countDown()
        def issued = futures*.get()
        pool.shutdown()

        then:
        rows('SELECT count(*) AS n FROM identity_secrets WHERE website_id = ? AND expires_at IS NULL', websiteId)[0].n == 1
        secrets.list(websiteId).size() == rotations
        issued.every { verifier.verify(websiteId, hs(it.secret())).userId() == 'user-42' }
        rows("SELECT count(*) AS n FROM audit_log WHERE website_id = ? AND action = 'identity_secret.rotated'", websiteId)[0].n == rotations

        where:
        rotations << [8]
    }

    def 'a secret row moved to another website does not decrypt'() {
        given:
        def issued = secrets.rotate(websiteId, 'agent-1', null)
        def otherWebsite = UUID.randomUUID()
        rows('UPDATE identity_secrets SET website_id = ? WHERE id = ? RETURNING id', otherWebsite, issued.id())

        when:
        verifier.verify(otherWebsite, hs(issued.secret()))

        then:
        thrown(IllegalStateException)
    }

    private boolean refused(String token) {
        try {
            verifier.verify(websiteId, token)
            false
        } catch (ApiException e) {
            e.code() in ['identity_token_invalid', 'identity_verification_disabled']
        }
    }

    private List<Map<String, Object>> rows(String sql, Object... params) {
        DriverManager.getConnection(properties['datasources.default.url'], properties['datasources.default.username'],
                properties['datasources.default.password']).withCloseable { connection ->
            connection.createStatement().execute('SET search_path TO conversations')
            def statement = connection.prepareStatement(sql)
            params.eachWithIndex { param, i -> statement.setObject(i + 1, param) }
            def result = statement.executeQuery()
            def columns = (1..result.metaData.columnCount).collect { result.metaData.getColumnLabel(it) }
            def out = []
            while (result.next()) {
                out << columns.collectEntries { [(it): result.getObject(it)] }
            }
            out
        }
    }
}
