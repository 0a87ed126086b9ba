package dev.zendo.notifications.webhook

import dev.zendo.testsupport.badinput.BadInput
import dev.zendo.testsupport.badinput.OpenApiBadInputSpec
import spock.lang.Shared

import static dev.zendo.notifications.webhook.WebhooksApi.within

/**
 * The generic bad-input probe over the webhook operations of notifications' served OpenAPI document, as the website's
 * owner: a subscription with one delivery gives every path parameter a valid value, so only the bad input is at fault.
 */
class WebhookDocumentedBadInputSpec extends OpenApiBadInputSpec {

    @Shared
    WebhooksApi api = WebhooksApi.get()

    @Shared
    WebhooksApi.Site site = api.site()

    @Shared
    WebhookReceiver receiver = WebhookReceiver.start()

    @Shared
    Map hook = api.webhook(site, receiver.url())

    @Shared
    Map delivery = delivered()

    def cleanupSpec() {
        receiver.close()
    }

    @Override
    URL server() {
        api.server.URL
    }

    @Override
    String service() {
        'notifications'
    }

    @Override
    Map<String, String> headers() {
        [Authorization: "Bearer $site.owner.token".toString()]
    }

    @Override
    Map<String, String> pathValues() {
        [websiteId: site.id.toString(), webhookId: hook.id, deliveryId: delivery.id] as Map<String, String>
    }

    /** The website's subscriptions, deliveries and attempts. */
    @Override
    Object state() {
        def rows = "md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS rows"
        [api.sql("SELECT $rows FROM webhook_subscriptions x WHERE website_id = ?".toString(), [site.id]),
         api.sql("SELECT $rows FROM webhook_deliveries x WHERE subscription_id IN (SELECT id FROM webhook_subscriptions WHERE website_id = ?)".toString(), [site.id]),
         api.sql("SELECT $rows FROM webhook_attempts x WHERE delivery_id IN (SELECT d.id FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE s.website_id = ?)".toString(), [site.id])]
    }

    @Override
    List<BadInput> badInputs() {
        super.badInputs().findAll { it.operation.path.startsWith('/v1/websites/{websiteId}/webhooks') }
    }

    private Map delivered() {
        api.publish(site, [api.message(site, UUID.randomUUID(), 1)])
        Map found = null
        within(30).eventually {
            found = api.deliveries(site, hook).find { it.status == 'delivered' }
            assert found
        }
        found
    }
}
