package dev.zendo.notifications.webhook

import dev.zendo.events.v1.Role
import spock.lang.Shared
import spock.lang.Specification

import static dev.zendo.testsupport.ServiceApi.expect

/** Owners and admins manage a website's webhooks; other members get 403, agents of no role in it 404, no token 401. */
class WebhookPermissionSpec extends Specification {

    @Shared
    WebhooksApi api = WebhooksApi.get()

    @Shared
    WebhooksApi.Site site = api.site()

    @Shared
    Map<String, WebhooksApi.Agent> callers = [
            owner     : site.owner,
            admin     : api.member(site, Role.ROLE_ADMIN),
            supervisor: api.member(site, Role.ROLE_SUPERVISOR),
            agent     : api.member(site, Role.ROLE_AGENT),
            viewer    : api.member(site, Role.ROLE_VIEWER),
            stranger  : api.agent(),
    ]

    def '#caller: #method #path answers #status'() {
        given:
        def hook = api.webhook(site, 'https://hooks.example.com/')
        def delivery = UUID.randomUUID()
        def concrete = path.replace('{w}', site.id.toString()).replace('{id}', hook.id as String).replace('{d}', delivery.toString())

        when:
        def reply = api.call(method, concrete, callers[caller].token, body)

        then:
        reply.status == status
        reply.status < 400 || reply.body.status == reply.status

        cleanup: 'the website never reaches its limit of subscriptions'
        api.sql('DELETE FROM webhook_subscriptions WHERE website_id = ?', [site.id])

        where:
        [caller, method, path, body, status] << matrix()
    }

    def 'a request without a valid token is 401 before anything else'() {
        expect:
        api.call('GET', "/v1/websites/$site.id/webhooks", null).status == 401
        api.call('POST', "/v1/websites/$site.id/webhooks", 'not-a-token', [url: 'nope']).status == 401
    }

    def 'an admin manages webhooks as the owner does'() {
        when:
        def hook = expect(201, api.call('POST', "/v1/websites/$site.id/webhooks", callers.admin.token,
                [url: 'https://hooks.example.com/admin', event_types: ['thread.rated']]))

        then:
        expect(200, api.call('GET', "/v1/websites/$site.id/webhooks/$hook.id", site.owner.token)).url == 'https://hooks.example.com/admin'
    }

    /** Each row: caller, method, path, body, and the status the caller's role gets. */
    private static List<List> matrix() {
        def operations = [
                ['POST', '/v1/websites/{w}/webhooks', [url: 'https://hooks.example.com/new', event_types: ['*']], 201],
                ['GET', '/v1/websites/{w}/webhooks', null, 200],
                ['GET', '/v1/websites/{w}/webhooks/{id}', null, 200],
                ['PATCH', '/v1/websites/{w}/webhooks/{id}', [description: 'changed'], 200],
                ['POST', '/v1/websites/{w}/webhooks/{id}/rotate-secret', null, 200],
                ['GET', '/v1/websites/{w}/webhooks/{id}/deliveries', null, 200],
                ['POST', '/v1/websites/{w}/webhooks/{id}/deliveries/{d}/redeliver', null, 404],
                ['DELETE', '/v1/websites/{w}/webhooks/{id}', null, 204],
        ]
        def roles = [owner: true, admin: true, supervisor: false, agent: false, viewer: false, stranger: false]
        roles.collectMany { caller, allowed ->
            operations.collect { method, path, body, success ->
                [caller, method, path, body, allowed ? success : (caller == 'stranger' ? 404 : 403)]
            }
        }
    }
}
