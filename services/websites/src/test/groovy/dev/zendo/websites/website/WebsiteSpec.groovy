package dev.zendo.websites.website

import dev.zendo.websites.WebsitesApi

import spock.lang.Shared
import spock.lang.Specification

import java.time.Instant
import java.time.temporal.ChronoUnit

/** Websites: created by an agent who becomes the owner, listed, read, changed, moved to the trash and back, purged. */
class WebsiteSpec extends Specification {

    @Shared
    WebsitesApi api = WebsitesApi.get()

    def 'the creator of a website becomes its owner and sees the secret key once'() {
        given:
        def owner = api.agent()

        when:
        def created = api.createWebsite(owner, [name: '  Acme support  ', domains: ['Acme.example', '*.acme.example'],
                                                allowed_origins: ['https://acme.example', 'http://localhost:5173']])

        then:
        created.name == 'Acme support'
        created.role == 'owner'
        created.domains == ['acme.example', '*.acme.example']
        created.allowed_origins == ['https://acme.example', 'http://localhost:5173']
        created.public_key.startsWith('pk_')
        created.secret_key.startsWith('sk_')
        created.widget == [color: '#1f6feb', position: 'right', greeting: 'Hi! How can we help?',
                           away_message: 'We are away right now. Leave a message and we will get back to you.',
                           language: 'en', pre_chat_fields: [], visitor_session_hours: 24, sneak_peek: false]

        when:
        def read = WebsitesApi.expect(200, api.call('GET', "/v1/websites/$created.id", owner.token))

        then:
        read.secret_key == null
        read.public_key == created.public_key
        read.findAll { it.key != 'secret_key' } == created.findAll { it.key != 'secret_key' }

        and: 'only a hash of the secret key is stored'
        def stored = api.sql("SELECT secret_hash FROM api_keys WHERE website_id = ?::uuid AND kind = 'SECRET'", [created.id])
        stored.size() == 1
        stored[0].secret_hash == java.security.MessageDigest.getInstance('SHA-256').digest(created.secret_key.getBytes('UTF-8'))
    }

    def 'widget settings round-trip with business hours, pre-chat fields and a language'() {
        given:
        def owner = api.agent()
        def widget = [color        : '#abc', position: 'left', greeting: 'Bonjour', away_message: 'Absents', language: 'fr-CA',
                      visitor_session_hours: 168, sneak_peek: true,
                      pre_chat_fields: [[kind: 'name', label: 'Nom', required: true], [kind: 'custom', label: 'Commande', required: false]],
                      business_hours: [time_zone: 'America/Montreal',
                                      days    : [monday  : [[from: '09:00', to: '12:00'], [from: '13:00', to: '17:30']],
                                                 tuesday : [], wednesday: [], thursday: [], friday: [[from: '10:00', to: '24:00']],
                                                 saturday: [], sunday: []]]]

        when:
        def created = api.createWebsite(owner, [widget: widget])

        then:
        created.widget == widget
        WebsitesApi.expect(200, api.call('GET', "/v1/websites/$created.id", owner.token)).widget == widget
    }

    def 'an update changes only the fields it names, and a widget given replaces the settings'() {
        given:
        def owner = api.agent()
        def website = api.createWebsite(owner, [domains: ['a.example'], widget: [color: '#000000', greeting: 'Yo']])

        when:
        def updated = WebsitesApi.expect(200, api.call('PATCH', "/v1/websites/$website.id", owner.token,
                [allowed_origins: ['https://a.example:8443'], widget: [position: 'left']]))

        then:
        updated.name == website.name
        updated.domains == ['a.example']
        updated.allowed_origins == ['https://a.example:8443']
        updated.widget.position == 'left'
        updated.widget.color == '#1f6feb'
        updated.widget.greeting == 'Hi! How can we help?'
        Instant.parse(updated.updated_at) >= Instant.parse(website.updated_at)
    }

    def 'an agent lists the websites it is a member of, never others'() {
        given:
        def owner = api.agent()
        def other = api.agent()
        def first = api.createWebsite(owner)
        def second = api.createWebsite(owner)
        def foreign = api.createWebsite(other)
        api.join(other, foreign.id, owner, 'viewer')
        api.createWebsite(other)

        when:
        def mine = api.call('GET', '/v1/websites', owner.token).body

        then:
        mine*.id == [first.id, second.id, foreign.id]
        mine*.role == ['owner', 'owner', 'viewer']
        mine.every { it.secret_key == null && it.public_key.startsWith('pk_') }
    }

    def 'a deleted website disappears for every member until its owner restores it'() {
        given:
        def owner = api.agent()
        def agent = api.agent()
        def website = api.createWebsite(owner)
        api.join(owner, website.id, agent, 'agent')

        when:
        def deleted = api.call('DELETE', "/v1/websites/$website.id", owner.token)

        then:
        deleted.status == 204
        api.call('GET', "/v1/websites/$website.id", owner.token).status == 404
        api.call('GET', "/v1/websites/$website.id/members", agent.token).status == 404
        api.call('GET', '/v1/websites', owner.token).body*.id == []
        api.call('GET', '/v1/websites?deleted=true', owner.token).body*.id == [website.id]
        api.call('GET', '/v1/websites?deleted=true', owner.token).body[0].deleted_at != null

        when:
        def restored = api.call('POST', "/v1/websites/$website.id/restore", owner.token)

        then:
        restored.status == 200
        restored.body.deleted_at == null
        api.call('GET', "/v1/websites/$website.id", agent.token).status == 200
        api.call('GET', '/v1/websites?deleted=true', owner.token).body == []

        and: 'restoring a live website changes nothing'
        api.call('POST', "/v1/websites/$website.id/restore", owner.token).status == 200
    }

    def 'a website in the trash longer than the purge window cannot be restored and is purged with all it holds'() {
        given:
        def owner = api.agent()
        def website = api.createWebsite(owner)
        api.call('DELETE', "/v1/websites/$website.id", owner.token)
        api.sql('UPDATE websites SET deleted_at = ? WHERE id = ?::uuid',
                [java.sql.Timestamp.from(Instant.now().minus(31, ChronoUnit.DAYS)), website.id])

        expect:
        api.call('POST', "/v1/websites/$website.id/restore", owner.token).status == 404

        when:
        api.context.getBean(WebsitePurger).purge()

        then:
        api.sql('SELECT count(*) AS n FROM websites WHERE id = ?::uuid', [website.id])[0].n == 0
        api.sql('SELECT count(*) AS n FROM members WHERE website_id = ?::uuid', [website.id])[0].n == 0
        api.sql('SELECT count(*) AS n FROM api_keys WHERE website_id = ?::uuid', [website.id])[0].n == 0
    }
}
