package dev.zendo.notifications.webhook

import groovy.json.JsonOutput
import spock.lang.Shared
import spock.lang.Specification

import static dev.zendo.testsupport.ServiceApi.expect

/**
 * Webhook subscriptions through the API: the secret shown once and never again, changes, deletion, rotation, the limit
 * per website, and every refused input.
 */
class WebhookApiSpec extends Specification {

    @Shared
    WebhooksApi api = WebhooksApi.get()

    def 'a new subscription shows its whsec_ secret once; listings and reads show only its hint'() {
        given:
        def site = api.site()

        when:
        def created = api.call('POST', "/v1/websites/$site.id/webhooks", site.owner.token,
                [url: 'https://hooks.example.com/zendo', event_types: ['message.created', 'conversation.closed'], description: 'CRM'])

        then:
        created.status == 201
        created.header('Cache-Control') == 'no-store'
        created.body.secret ==~ /whsec_[0-9a-f]{64}/
        created.body.secret_hint == created.body.secret[-4..-1]
        created.body.url == 'https://hooks.example.com/zendo'
        created.body.event_types == ['message.created', 'conversation.closed']
        created.body.description == 'CRM'
        created.body.active == true

        when:
        def listed = api.call('GET', "/v1/websites/$site.id/webhooks", site.owner.token)
        def read = api.call('GET', "/v1/websites/$site.id/webhooks/$created.body.id", site.owner.token)

        then:
        listed.status == 200
        listed.body*.id == [created.body.id]
        read.status == 200
        read.body.secret_hint == created.body.secret_hint
        read.body.consecutive_failures == 0
        [listed.body, read.body].every { !JsonOutput.toJson(it).contains(created.body.secret as String) && !JsonOutput.toJson(it).contains('"secret"') }

        and: 'the table holds only the ciphertext'
        !api.sql('SELECT * FROM webhook_subscriptions WHERE id = ?', [UUID.fromString(created.body.id as String)])[0].values()
                .any { it.toString().contains(created.body.secret as String) || (it instanceof byte[] && new String(it as byte[]).contains(created.body.secret as String)) }
    }

    def 'a change keeps what it leaves out; making a subscription active again clears its failures'() {
        given:
        def site = api.site()
        def hook = api.webhook(site, 'https://hooks.example.com/a', ['message.created'])
        api.sql("UPDATE webhook_subscriptions SET active = false, consecutive_failures = 5, disabled_at = now() WHERE id = ?", [UUID.fromString(hook.id as String)])

        when:
        def changed = expect(200, api.call('PATCH', "/v1/websites/$site.id/webhooks/$hook.id", site.owner.token,
                [event_types: ['*', 'thread.rated'], description: 'all of it', active: true]))

        then:
        changed.url == 'https://hooks.example.com/a'
        changed.event_types == ['*']
        changed.description == 'all of it'
        changed.active
        changed.consecutive_failures == 0
        changed.disabled_at == null

        when:
        def cleared = expect(200, api.call('PATCH', "/v1/websites/$site.id/webhooks/$hook.id", site.owner.token,
                [url: 'https://other.example.com/b', description: '']))

        then:
        cleared.url == 'https://other.example.com/b'
        cleared.description == null
        cleared.event_types == ['*']
    }

    def 'duplicate event types are kept once, in the order given'() {
        given:
        def site = api.site()

        expect:
        api.webhook(site, 'https://hooks.example.com/', ['thread.rated', 'visitor.created', 'thread.rated']).event_types ==
                ['thread.rated', 'visitor.created']
    }

    def 'rotating the secret shows a new one once and changes the hint'() {
        given:
        def site = api.site()
        def hook = api.webhook(site, 'https://hooks.example.com/')

        when:
        def rotated = api.call('POST', "/v1/websites/$site.id/webhooks/$hook.id/rotate-secret", site.owner.token)

        then:
        rotated.status == 200
        rotated.header('Cache-Control') == 'no-store'
        rotated.body.secret ==~ /whsec_[0-9a-f]{64}/
        rotated.body.secret != hook.secret
        expect(200, api.call('GET', "/v1/websites/$site.id/webhooks/$hook.id", site.owner.token)).secret_hint == rotated.body.secret[-4..-1]
    }

    def 'a deleted subscription is gone with its deliveries'() {
        given:
        def site = api.site()
        def hook = api.webhook(site, 'https://hooks.example.com/')

        when:
        def deleted = api.call('DELETE', "/v1/websites/$site.id/webhooks/$hook.id", site.owner.token)

        then:
        deleted.status == 204
        api.call('GET', "/v1/websites/$site.id/webhooks/$hook.id", site.owner.token).status == 404
        api.call('DELETE', "/v1/websites/$site.id/webhooks/$hook.id", site.owner.token).status == 404
        expect(200, api.call('GET', "/v1/websites/$site.id/webhooks", site.owner.token)) == []
    }

    def 'a website has at most 20 subscriptions: the 21st is 409 too_many_webhooks, even when asked for at once'() {
        given:
        def site = api.site()
        18.times { api.webhook(site, "https://hooks.example.com/$it") }

        when: 'three more are asked for at the same time'
        def statuses = Collections.synchronizedList([])
        (1..3).collect { n ->
            Thread.start {
                statuses << api.call('POST', "/v1/websites/$site.id/webhooks", site.owner.token, [url: "https://hooks.example.com/x$n", event_types: ['*']]).status
            }
        }*.join()

        then:
        statuses.sort() == [201, 201, 409]
        expect(200, api.call('GET', "/v1/websites/$site.id/webhooks", site.owner.token)).size() == 20

        when:
        def refused = api.call('POST', "/v1/websites/$site.id/webhooks", site.owner.token, [url: 'https://hooks.example.com/more', event_types: ['*']])

        then:
        refused.status == 409
        refused.body.error == 'too_many_webhooks'
    }

    def 'a subscription with #problem is refused with 400 naming #field'() {
        given:
        def site = api.site()
        def body = [url: 'https://hooks.example.com/', event_types: ['*']] + change

        when:
        def reply = api.call('POST', "/v1/websites/$site.id/webhooks", site.owner.token, body)

        then:
        reply.status == 400
        reply.body.errors*.field.contains(field)
        expect(200, api.call('GET', "/v1/websites/$site.id/webhooks", site.owner.token)) == []

        where:
        problem                             | change                                                     | field
        'plain http to a public host'       | [url: 'http://hooks.example.com/']                          | 'url'
        'another scheme'                    | [url: 'ftp://hooks.example.com/']                           | 'url'
        'a relative URL'                    | [url: '/hooks']                                             | 'url'
        'no host'                           | [url: 'https:///hooks']                                     | 'url'
        'a user name and password'          | [url: 'https://user:pass@hooks.example.com/']               | 'url'
        'a fragment'                        | [url: 'https://hooks.example.com/#x']                       | 'url'
        'spaces'                            | [url: 'https://hooks.example.com/a b']                      | 'url'
        'a URL over 2048 characters'        | [url: 'https://hooks.example.com/' + 'a' * 2030]            | 'url'
        'a blank URL'                       | [url: ' ']                                                  | 'url'
        'a loopback address'                | [url: 'https://127.0.0.2/hooks']                            | 'url'
        'an IPv6 loopback address'          | [url: 'https://[::1]/hooks']                                | 'url'
        'a private address'                 | [url: 'https://10.1.2.3/hooks']                             | 'url'
        'a 172.16/12 address'               | [url: 'https://172.20.0.1/hooks']                           | 'url'
        'a 192.168/16 address'              | [url: 'https://192.168.1.1/hooks']                          | 'url'
        'the metadata address'              | [url: 'https://169.254.169.254/latest/meta-data']           | 'url'
        'a CGNAT address'                   | [url: 'https://100.64.0.1/']                                | 'url'
        'the unspecified address'           | [url: 'https://0.0.0.0/']                                   | 'url'
        'a unique-local IPv6 address'       | [url: 'https://[fd12:3456::1]/']                            | 'url'
        'a link-local IPv6 address'         | [url: 'https://[fe80::1]/']                                 | 'url'
        'an IPv4-mapped loopback address'   | [url: 'https://[::ffff:127.0.0.1]/']                        | 'url'
        'a NAT64 private address'           | [url: 'https://[64:ff9b::a00:1]/']                          | 'url'
        'a multicast address'               | [url: 'https://224.0.0.1/']                                 | 'url'
        'no event types'                    | [event_types: []]                                           | 'event_types'
        'an unknown event type'             | [event_types: ['message.created', 'typing.changed']]        | 'event_types[1]'
        'an event type in another case'     | [event_types: ['Message.Created']]                          | 'event_types[0]'
        'more than 20 event types'          | [event_types: ['*'] * 21]                                   | 'event_types'
        'a description over 500 characters' | [description: 'd' * 501]                                    | 'description'
        'no URL'                            | [url: null]                                                 | 'url'
        'no event types at all'             | [event_types: null]                                         | 'event_types'
    }

    def 'a change to a refused URL or an unknown event type is 400 and changes nothing'() {
        given:
        def site = api.site()
        def hook = api.webhook(site, 'https://hooks.example.com/', ['message.created'])

        when:
        def badUrl = api.call('PATCH', "/v1/websites/$site.id/webhooks/$hook.id", site.owner.token, [url: 'https://10.0.0.1/'])
        def badType = api.call('PATCH', "/v1/websites/$site.id/webhooks/$hook.id", site.owner.token, [event_types: ['nope']])
        def noTypes = api.call('PATCH', "/v1/websites/$site.id/webhooks/$hook.id", site.owner.token, [event_types: []])

        then:
        badUrl.status == 400
        badUrl.body.errors*.field == ['url']
        badType.status == 400
        badType.body.errors*.field == ['event_types[0]']
        noTypes.status == 400
        expect(200, api.call('GET', "/v1/websites/$site.id/webhooks/$hook.id", site.owner.token)).subMap('url', 'event_types') ==
                [url: 'https://hooks.example.com/', event_types: ['message.created']]
    }

    def 'plain http is allowed for a host named in allowed-hosts, and so is its loopback address'() {
        given:
        def site = api.site()

        expect:
        api.webhook(site, 'http://127.0.0.1:9/hooks').url == 'http://127.0.0.1:9/hooks'
        api.webhook(site, 'http://localhost:9/hooks').url == 'http://localhost:9/hooks'
    }
}
