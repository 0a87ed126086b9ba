package dev.zendo.conversations.tag

import dev.zendo.conversations.ConversationsApi
import dev.zendo.conversations.events.SiteEvents
import dev.zendo.events.v1.Audience
import dev.zendo.events.v1.Envelope
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors

import static dev.zendo.conversations.ConversationsApi.expect

/** Tag definitions: created, renamed, soft-deleted and restored, names unique among live tags in any case, announced to agents. */
class TagSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    ConversationsApi.Site site = api.site()

    String tags = "/v1/inbox/$site.id/tags"

    def 'a tag lives through create, rename, delete and restore, each change announced to agents only'() {
        when:
        def tag = expect(201, api.call('POST', tags, site.owner.token, [name: ' Billing ', color: '#A1B2C3']))

        then:
        tag.name == 'Billing'
        tag.color == '#a1b2c3'
        !tag.deleted
        tag.deleted_at == null

        when:
        def renamed = expect(200, api.call('PATCH', "$tags/$tag.id", site.owner.token, [name: 'Invoices']))

        then:
        renamed.name == 'Invoices'
        renamed.color == '#a1b2c3'

        when:
        api.call('DELETE', "$tags/$tag.id", site.owner.token).status == 204

        then:
        expect(200, api.call('GET', tags, site.owner.token)) == []
        expect(200, api.call('GET', "$tags?include_deleted=true", site.owner.token))*.deleted == [true]

        when:
        def restored = expect(200, api.call('POST', "$tags/$tag.id/restore", site.owner.token))

        then:
        !restored.deleted
        expect(200, api.call('GET', tags, site.owner.token))*.name == ['Invoices']

        and:
        def events = tagEvents()
        events*.tagChanged*.name == ['Billing', 'Invoices', 'Invoices', 'Invoices']
        events*.tagChanged*.deleted == [false, false, true, false]
        events.every { it.audience == Audience.AUDIENCE_AGENTS && it.actor.id == site.owner.id }
    }

    def 'a name taken by a live tag in any case is refused with 409, and a deleted tag frees it'() {
        given:
        def first = expect(201, api.call('POST', tags, site.owner.token, [name: 'Urgent', color: '#f00']))
        def other = expect(201, api.call('POST', tags, site.owner.token, [name: 'Later', color: '#0f0']))

        expect:
        api.call('POST', tags, site.owner.token, [name: 'uRGENT', color: '#00f']).status == 409
        api.call('PATCH', "$tags/$other.id", site.owner.token, [name: 'URGENT']).body.error == 'tag_name_taken'

        when:
        api.call('DELETE', "$tags/$first.id", site.owner.token)
        def second = expect(201, api.call('POST', tags, site.owner.token, [name: 'urgent', color: '#00f']))

        then: 'the deleted one cannot come back while its name is taken'
        second.name == 'urgent'
        api.call('POST', "$tags/$first.id/restore", site.owner.token).body.error == 'tag_name_taken'
    }

    def 'ten members creating the same name at once get one tag'() {
        given:
        def pool = Executors.newFixedThreadPool(10)
        def start = new CountDownLatch(1)

        when:
        def statuses = (1..10).collect {
            pool.submit({ start.await(); api.call('POST', tags, site.owner.token, [name: 'Race', color: '#123']).status } as Callable<Integer>)
        }.with { futures -> start.countDown(); futures*.get() }

        then:
        statuses.count(201) == 1
        statuses.count(409) == 9
        api.sql('SELECT count(*) AS n FROM tags WHERE website_id = ?', [site.id])[0].n == 1

        cleanup:
        pool.shutdown()
    }

    def 'a deleted or unknown tag cannot be changed or deleted again'() {
        given:
        def tag = expect(201, api.call('POST', tags, site.owner.token, [name: 'Gone', color: '#abc']))
        api.call('DELETE', "$tags/$tag.id", site.owner.token)

        expect:
        api.call('PATCH', "$tags/$tag.id", site.owner.token, [color: '#def']).status == 404
        api.call('DELETE', "$tags/$tag.id", site.owner.token).status == 404
        api.call('POST', "$tags/${UUID.randomUUID()}/restore", site.owner.token).status == 404
    }

    def '#method with #body is refused with 400 naming #field, and nothing is written'() {
        given:
        def tag = expect(201, api.call('POST', tags, site.owner.token, [name: 'Existing', color: '#abc']))
        def before = api.state(site)

        when:
        def reply = api.call(method, method == 'PATCH' ? "$tags/$tag.id" : tags, site.owner.token, body)

        then:
        reply.status == 400
        reply.body.errors*.field.contains(field)
        api.state(site) == before

        where:
        method  | body                                  || field
        'POST'  | [color: '#abc']                       || 'name'
        'POST'  | [name: '', color: '#abc']             || 'name'
        'POST'  | [name: '   ', color: '#abc']          || 'name'
        'POST'  | [name: 'x' * 41, color: '#abc']       || 'name'
        'POST'  | [name: 'Ok']                          || 'color'
        'POST'  | [name: 'Ok', color: 'red']            || 'color'
        'POST'  | [name: 'Ok', color: '#abcd']          || 'color'
        'POST'  | [name: 'Ok', color: '#ggg']           || 'color'
        'POST'  | [name: 'Ok', color: 'abc']            || 'color'
        'POST'  | [name: 'Ok', color: '#abc\n']         || 'color'
        'POST'  | [name: 42, color: '#abc']             || 'name'
        'PATCH' | [name: ' ']                           || 'name'
        'PATCH' | [name: 'y' * 41]                      || 'name'
        'PATCH' | [color: '#12345']                     || 'color'
    }

    def 'a name of 40 characters and both colour forms are accepted'() {
        expect:
        api.call('POST', tags, site.owner.token, [name: name, color: color]).status == 201

        where:
        name     | color
        'n' * 40 | '#abc'
        'Émoji ✨' | '#A0b1C2'
    }

    private List<Envelope> tagEvents() {
        api.sql('SELECT payload FROM outbox WHERE topic = ? ORDER BY id', [SiteEvents.topic(site.id)])
                .collect { Envelope.parseFrom(it.payload as byte[]) }
                .findAll { it.hasTagChanged() }
    }
}
