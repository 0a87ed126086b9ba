package dev.zendo.notifications.webhook

import spock.lang.Shared
import spock.lang.Specification

import static dev.zendo.testsupport.ServiceApi.expect

/**
 * Another website's owner learns nothing of a website's webhooks: every path of it is 404, and a webhook or delivery
 * id of one website named under another website (even one the caller owns) is 404 too, changing nothing.
 */
class WebhookTenantSpec extends Specification {

    @Shared
    WebhooksApi api = WebhooksApi.get()

    @Shared
    WebhooksApi.Site mine = api.site()

    @Shared
    WebhooksApi.Site theirs = api.site()

    @Shared
    WebhookReceiver receiver = WebhookReceiver.start()

    @Shared
    Map theirHook = api.webhook(theirs, receiver.url())

    @Shared
    Map myHook = api.webhook(mine, 'https://hooks.example.com/mine')

    @Shared
    Map theirDelivery = delivered()

    def cleanupSpec() {
        receiver.close()
    }

    def '#method #path of another website is 404 for #description'() {
        given:
        def before = state()

        when:
        def reply = api.call(method, path.call(), mine.owner.token, body)

        then:
        reply.status == 404
        reply.body.error == 'not_found'
        state() == before

        where:
        description                   | method   | path                                                                                         | body
        'their website'               | 'GET'    | { "/v1/websites/$theirs.id/webhooks" }                                                      | null
        'their website'               | 'POST'   | { "/v1/websites/$theirs.id/webhooks" }                                                      | [url: 'https://hooks.example.com/', event_types: ['*']]
        'their webhook'               | 'GET'    | { "/v1/websites/$theirs.id/webhooks/$theirHook.id" }                                        | null
        'their webhook'               | 'PATCH'  | { "/v1/websites/$theirs.id/webhooks/$theirHook.id" }                                        | [active: false]
        'their webhook'               | 'DELETE' | { "/v1/websites/$theirs.id/webhooks/$theirHook.id" }                                        | null
        'their webhook'               | 'POST'   | { "/v1/websites/$theirs.id/webhooks/$theirHook.id/rotate-secret" }                          | null
        'their deliveries'            | 'GET'    | { "/v1/websites/$theirs.id/webhooks/$theirHook.id/deliveries" }                             | null
        'their delivery'              | 'POST'   | { "/v1/websites/$theirs.id/webhooks/$theirHook.id/deliveries/$theirDelivery.id/redeliver" } | null
        'their webhook under mine'    | 'GET'    | { "/v1/websites/$mine.id/webhooks/$theirHook.id" }                                          | null
        'their webhook under mine'    | 'PATCH'  | { "/v1/websites/$mine.id/webhooks/$theirHook.id" }                                          | [active: false]
        'their webhook under mine'    | 'DELETE' | { "/v1/websites/$mine.id/webhooks/$theirHook.id" }                                          | null
        'their webhook under mine'    | 'POST'   | { "/v1/websites/$mine.id/webhooks/$theirHook.id/rotate-secret" }                            | null
        'their deliveries under mine' | 'GET'    | { "/v1/websites/$mine.id/webhooks/$theirHook.id/deliveries" }                               | null
        'their delivery under mine'   | 'POST'   | { "/v1/websites/$mine.id/webhooks/$myHook.id/deliveries/$theirDelivery.id/redeliver" }      | null
        'an unknown website'          | 'GET'    | { "/v1/websites/${UUID.randomUUID()}/webhooks" }                                            | null
    }

    def 'their receiver got only their own website\'s event'() {
        expect:
        receiver.events()*.website_id.unique() == [theirs.id.toString()]
    }

    /** The subscriptions of both websites, and the attempts of their deliveries. */
    private List state() {
        def sites = [mine.id, theirs.id]
        [api.sql("SELECT md5(string_agg(x::text, ',' ORDER BY x::text)) AS rows FROM webhook_subscriptions x WHERE website_id IN (?, ?)", sites),
         api.sql('''SELECT count(*) AS n FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
                    JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE s.website_id IN (?, ?)''', sites)]
    }

    private Map delivered() {
        api.publish(theirs, [api.message(theirs, UUID.randomUUID(), 1)])
        Map found = null
        WebhooksApi.within(30).eventually {
            def log = api.deliveries(theirs, theirHook)
            assert log.size() == 1 && log[0].status == 'delivered'
            found = log[0]
        }
        found
    }
}
