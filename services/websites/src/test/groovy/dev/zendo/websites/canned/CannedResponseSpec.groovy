package dev.zendo.websites.canned

import dev.zendo.websites.WebsitesApi
import spock.lang.Shared
import spock.lang.Specification

/** Canned responses: managed by supervisors and up, found by shortcut prefix while agents type. */
class CannedResponseSpec extends Specification {

    @Shared
    WebsitesApi api = WebsitesApi.get()

    WebsitesApi.Agent owner = api.agent()
    Map website = api.createWebsite(owner)

    def 'a canned response is created, read, changed and deleted'() {
        when:
        def created = create('thanks', 'Thank you for waiting!')

        then:
        created.subMap('shortcut', 'text', 'created_by') == [shortcut: 'thanks', text: 'Thank you for waiting!', created_by: owner.id]
        api.call('GET', "/v1/websites/$website.id/canned-responses/$created.id", owner.token).body == created

        when:
        def updated = WebsitesApi.expect(200, api.call('PATCH', "/v1/websites/$website.id/canned-responses/$created.id", owner.token, [text: 'Thanks!']))

        then:
        updated.subMap('shortcut', 'text') == [shortcut: 'thanks', text: 'Thanks!']

        when:
        api.call('DELETE', "/v1/websites/$website.id/canned-responses/$created.id", owner.token)

        then:
        api.call('GET', "/v1/websites/$website.id/canned-responses/$created.id", owner.token).status == 404
    }

    def 'searching by "#prefix" finds #found'() {
        given:
        ['hello', 'Help', 'hi', 'bye', 'ho_ho', 'hoho', '50off'].each { create(it, "Text of $it") }

        expect:
        search(prefix)*.shortcut == found

        where:
        prefix || found
        ''     || ['50off', 'bye', 'hello', 'Help', 'hi', 'ho_ho', 'hoho']
        'h'    || ['hello', 'Help', 'hi', 'ho_ho', 'hoho']
        'HEL'  || ['hello', 'Help']
        'ho_'  || ['ho_ho']
        '%'    || []
        '5'    || ['50off']
        'x'    || []
    }

    def 'shortcuts are unique in a website regardless of case'() {
        given:
        create('greet', 'Hello')
        def other = create('bye', 'Bye')

        expect:
        api.call('POST', "/v1/websites/$website.id/canned-responses", owner.token, [shortcut: 'GREET', text: 'Hi']).body.error == 'shortcut_taken'
        api.call('PATCH', "/v1/websites/$website.id/canned-responses/$other.id", owner.token, [shortcut: 'Greet']).status == 409
    }

    private Map create(String shortcut, String text) {
        WebsitesApi.expect(201, api.call('POST', "/v1/websites/$website.id/canned-responses", owner.token, [shortcut: shortcut, text: text])) as Map
    }

    private List search(String prefix) {
        WebsitesApi.expect(200, api.call('GET', "/v1/websites/$website.id/canned-responses?prefix=${URLEncoder.encode(prefix, 'UTF-8')}", owner.token)) as List
    }
}
