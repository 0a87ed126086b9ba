package dev.zendo.notifications

import dev.zendo.notifications.webhook.WebhookDocumentedBadInputSpec
import dev.zendo.notifications.webhook.WebhookOpenApiSpec
import dev.zendo.testsupport.badinput.BadInput
import dev.zendo.testsupport.badinput.OpenApiBadInputSpec
import spock.lang.Shared

/**
 * The generic bad-input probe over every operation of notifications' served OpenAPI document but the webhooks' (their
 * own spec, {@link WebhookDocumentedBadInputSpec}, gives them a subscription and a delivery), as a website's owner:
 * only the bad input is at fault, and it changes nothing.
 */
class DocumentedBadInputSpec extends OpenApiBadInputSpec {

    @Shared NotificationsApi api = NotificationsApi.get()
    @Shared String owner = UUID.randomUUID().toString()
    @Shared String site = api.website(owner)

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
        [Authorization: "Bearer ${api.agentToken(owner)}".toString()]
    }

    @Override
    Map<String, String> pathValues() {
        [websiteId: site]
    }

    @Override
    List<BadInput> badInputs() {
        super.badInputs().findAll { !it.operation.path.startsWith(WebhookOpenApiSpec.PREFIX) }
    }

    /** This spec's website's rows only: other specs' mail keeps changing state in the background. */
    @Override
    Object state() {
        def rows = "md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS rows"
        [api.sql("SELECT $rows FROM notification x WHERE website_id = ?::uuid".toString(), [site]),
         api.sql("SELECT $rows FROM member x WHERE website_id = ?::uuid".toString(), [site]),
         api.sql("SELECT $rows FROM website x WHERE id = ?::uuid".toString(), [site])]
    }
}
