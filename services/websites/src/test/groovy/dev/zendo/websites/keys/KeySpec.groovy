package dev.zendo.websites.keys

import dev.zendo.websites.WebsitesApi
import spock.lang.Shared
import spock.lang.Specification

import java.security.MessageDigest
import java.time.Duration
import java.time.Instant

/** Website keys: a public widget key and a secret server key, rotated with an overlap window, revoked at once. */
class KeySpec extends Specification {

    @Shared
    WebsitesApi api = WebsitesApi.get()

    WebsitesApi.Agent owner = api.agent()
    Map website = api.createWebsite(owner)

    def 'a new website has one current key of each kind, and listings never show a secret'() {
        when:
        def keys = list()

        then:
        keys*.kind.sort() == ['public', 'secret']
        keys.every { it.current && it.active && it.expires_at == null && it.secret == null }
        keys.find { it.kind == 'public' }.public_key == website.public_key
        keys.find { it.kind == 'secret' }.public_key == null
        keys.find { it.kind == 'secret' }.hint == website.secret_key.substring(0, 7)
    }

    def 'rotating the #kind key issues a new current one and keeps the previous one working for the overlap window'() {
        given:
        def previous = list().find { it.kind == kind }

        when:
        def rotated = WebsitesApi.expect(201, api.call('POST', "/v1/websites/$website.id/keys/rotate", owner.token, [kind: kind]))
        def keys = list().findAll { it.kind == kind }

        then:
        rotated.current
        rotated.id != previous.id
        (rotated.secret != null) == (kind == 'secret')
        (rotated.public_key != null) == (kind == 'public')
        def old = keys.find { it.id == previous.id }
        !old.current
        old.active
        Duration.between(Instant.now(), Instant.parse(old.expires_at)).toHours() == 23
        keys.count { it.current } == 1

        and: 'the website now shows the new public key'
        def shown = api.call('GET', "/v1/websites/$website.id", owner.token).body.public_key
        shown == (kind == 'public' ? rotated.public_key : website.public_key)

        and: 'a new secret is stored only as its hash'
        kind != 'secret' || api.sql('SELECT secret_hash FROM api_keys WHERE id = ?::uuid', [rotated.id])[0].secret_hash ==
                MessageDigest.getInstance('SHA-256').digest(rotated.secret.getBytes('UTF-8'))

        where:
        kind << ['public', 'secret']
    }

    def 'revoking a previous key stops it at once; the current key cannot be revoked'() {
        given:
        def previous = list().find { it.kind == 'secret' }
        def rotated = WebsitesApi.expect(201, api.call('POST', "/v1/websites/$website.id/keys/rotate", owner.token, [kind: 'secret']))

        when:
        def revoked = WebsitesApi.expect(200, api.call('POST', "/v1/websites/$website.id/keys/$previous.id/revoke", owner.token))

        then:
        !revoked.active
        revoked.revoked_at != null
        Instant.parse(revoked.expires_at) <= Instant.now()

        when:
        def current = api.call('POST', "/v1/websites/$website.id/keys/$rotated.id/revoke", owner.token)

        then:
        current.status == 409
        current.body.error == 'current_key'
    }

    def 'a key of another website is not found'() {
        given:
        def other = api.createWebsite(owner)
        def foreignKey = WebsitesApi.expect(200, api.call('GET', "/v1/websites/$other.id/keys", owner.token)).find { it.kind == 'public' }

        expect:
        api.call('POST', "/v1/websites/$website.id/keys/$foreignKey.id/revoke", owner.token).status == 404
    }

    private List list() {
        WebsitesApi.expect(200, api.call('GET', "/v1/websites/$website.id/keys", owner.token)) as List
    }
}
