package dev.zendo.conversations.verification

import dev.zendo.conversations.ConversationsApi
import spock.lang.Shared
import spock.lang.Specification

import java.nio.charset.StandardCharsets

import static dev.zendo.conversations.ConversationsApi.expect

/** The identity-verification secret endpoints: a secret is shown once, listed by hint only, and only previous ones are revocable. */
class IdentitySecretEndpointsSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    ConversationsApi.Site site = api.site()

    String secrets = "/v1/inbox/$site.id/identity-verification/secrets"

    def 'a rotation answers the secret once, uncached; listings and the database never hold it in the clear'() {
        when:
        def reply = api.call('POST', secrets, site.owner.token)
        def issued = expect(201, reply)

        then:
        issued.secret ==~ /ivs_[A-Za-z0-9_-]{43}/
        issued.hint == issued.secret[-4..-1]
        issued.previous_valid_until == null
        reply.header('Cache-Control') == 'no-store'

        when:
        def listed = api.call('GET', secrets, site.owner.token)

        then:
        listed.status == 200
        listed.body*.id == [issued.id]
        listed.body[0].current
        listed.body[0].hint == issued.hint
        !listed.body[0].containsKey('secret')

        and:
        def stored = api.sql('SELECT * FROM identity_secrets WHERE website_id = ?', [site.id]).collectMany { it.values() }
                .collect { it instanceof byte[] ? new String(it, StandardCharsets.ISO_8859_1) : String.valueOf(it) }.join('|')
        !stored.contains(issued.secret.substring(4))
        !api.sql('SELECT payload FROM outbox').any { new String(it.payload as byte[], StandardCharsets.ISO_8859_1).contains(issued.secret.substring(4)) }
        !api.sql('SELECT detail::text AS d FROM audit_log WHERE website_id = ?', [site.id]).any { it.d.contains(issued.secret.substring(4)) }
    }

    def 'a previous secret can be revoked; the current one only replaced'() {
        given:
        def first = expect(201, api.call('POST', secrets, site.owner.token))
        def second = expect(201, api.call('POST', secrets, site.owner.token, [overlap_seconds: 3600]))

        expect:
        second.previous_valid_until != null
        expect(200, api.call('GET', secrets, site.owner.token))*.id == [second.id, first.id]

        and:
        api.call('DELETE', "$secrets/$second.id", site.owner.token).body.error == 'current_identity_secret'
        api.call('DELETE', "$secrets/$first.id", site.owner.token).status == 204
        expect(200, api.call('GET', secrets, site.owner.token))*.id == [second.id]
        api.call('DELETE', "$secrets/$first.id", site.owner.token).status == 404
    }

    def 'overlap_seconds=#overlap is refused with 400 and nothing is written'() {
        given:
        def before = api.state(site)

        when:
        def reply = api.call('POST', secrets, site.owner.token, [overlap_seconds: overlap])

        then:
        reply.status == 400
        reply.body.errors*.field == ['overlap_seconds']
        api.state(site) == before

        where:
        overlap << [-1, 604_801, 'soon']
    }

    def 'another website\'s secret cannot be revoked through this one'() {
        given:
        def other = api.site()
        def foreign = expect(201, api.call('POST', "/v1/inbox/$other.id/identity-verification/secrets", other.owner.token))
        expect(201, api.call('POST', "/v1/inbox/$other.id/identity-verification/secrets", other.owner.token))

        expect:
        api.call('DELETE', "$secrets/$foreign.id", site.owner.token).status == 404
        api.sql('SELECT count(*) AS n FROM identity_secrets WHERE website_id = ?', [other.id])[0].n == 2
    }
}
