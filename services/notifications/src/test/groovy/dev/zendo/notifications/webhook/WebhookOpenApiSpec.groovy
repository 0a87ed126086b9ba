package dev.zendo.notifications.webhook

import dev.zendo.testsupport.badinput.OpenApiContract
import dev.zendo.testsupport.badinput.OpenApiDocument
import spock.lang.Shared
import spock.lang.Specification

import static dev.zendo.notifications.webhook.WebhooksApi.within

/**
 * The served OpenAPI document describes the wire of every webhook operation: only fields always present required,
 * null nowhere undocumented, and each operation answering as documented (OpenApiContractSpec checks the names).
 */
class WebhookOpenApiSpec extends Specification {

    static final String PREFIX = '/v1/websites/{websiteId}/webhooks'

    @Shared
    WebhooksApi api = WebhooksApi.get()

    @Shared
    OpenApiDocument document = new OpenApiDocument(new URL(api.server.URL, '/swagger/zendo-notifications-v1.yml').text)

    @Shared
    OpenApiContract contract = new OpenApiContract(document)

    @Shared
    WebhookReceiver receiver = WebhookReceiver.start()

    def cleanupSpec() {
        receiver.close()
    }

    def 'every documented webhook operation has its success answer checked below'() {
        given:
        def documented = document.operations().findAll { it.path.startsWith(PREFIX) }.collect { "$it.method $it.path".toString() } as Set
        def checked = answers().findAll { it[3] < 300 }.collect { "${it[0]} ${it[1]}".toString() } as Set

        expect:
        documented == checked
    }

    def '#method #path answers #status as its document describes (#state)'() {
        given:
        def fixture = fixture(state)
        def concrete = path.replace('{websiteId}', fixture.site.id.toString()).replace('{webhookId}', fixture.hook.id as String)
                .replace('{deliveryId}', fixture.delivery.id as String)

        when:
        def reply = api.call(method, concrete + query, fixture.site.owner.token, body)

        then:
        reply.status == status
        status == 204 ? reply.body == null : contract.responseViolations(method, path, status, reply.body) == []
        body == null || contract.requestViolations(method, path, body) == []

        where:
        [method, path, query, status, state, body] << answers()
    }

    /** Each row: method, path template, query, status, the fixture's state, body. */
    private static List<List> answers() {
        [
                ['POST', PREFIX, '', 201, 'plain', [url: 'https://hooks.example.com/x', event_types: ['message.created'], description: 'CRM', active: false]],
                ['POST', PREFIX, '', 201, 'plain', [url: 'https://hooks.example.com/x', event_types: ['*']]],
                ['POST', PREFIX, '', 400, 'plain', [url: 'http://hooks.example.com/x', event_types: ['*']]],
                ['GET', PREFIX, '', 200, 'plain', null],
                ['GET', PREFIX, '', 200, 'disabled', null],
                ['GET', PREFIX + '/{webhookId}', '', 200, 'plain', null],
                ['GET', PREFIX + '/{webhookId}', '', 200, 'disabled', null],
                ['PATCH', PREFIX + '/{webhookId}', '', 200, 'plain', [url: 'https://hooks.example.com/y', event_types: ['thread.rated'], description: 'd', active: true]],
                ['DELETE', PREFIX + '/{webhookId}', '', 204, 'plain', null],
                ['POST', PREFIX + '/{webhookId}/rotate-secret', '', 200, 'plain', null],
                ['GET', PREFIX + '/{webhookId}/deliveries', '?limit=1', 200, 'plain', null],
                ['GET', PREFIX + '/{webhookId}/deliveries', '', 200, 'pending', null],
                ['POST', PREFIX + '/{webhookId}/deliveries/{deliveryId}/redeliver', '', 200, 'plain', null],
                ['POST', PREFIX + '/{webhookId}/deliveries/{deliveryId}/redeliver', '', 404, 'unknown delivery', null],
        ]
    }

    /**
     * A website with a subscription to the receiver and two delivered events; {@code disabled} disables it for its failures,
     * {@code pending} adds a delivery still waiting, {@code unknown delivery} names a delivery that does not exist.
     */
    private Map fixture(String state) {
        def site = api.site()
        def hook = api.webhook(site, receiver.url())
        def conversation = UUID.randomUUID()
        api.publish(site, [api.message(site, conversation, 1), api.message(site, conversation, 2)])
        List<Map> log = []
        within(30).eventually {
            log = api.deliveries(site, hook)
            assert log.size() == 2 && log.every { it.status == 'delivered' }
        }
        switch (state) {
            case 'disabled':
                api.sql('UPDATE webhook_subscriptions SET active = false, disabled_at = now(), consecutive_failures = 5 WHERE id = ?',
                        [UUID.fromString(hook.id as String)])
                break
            case 'pending':
                api.sql("UPDATE webhook_subscriptions SET active = false WHERE id = ?", [UUID.fromString(hook.id as String)])
                api.sql("UPDATE webhook_deliveries SET status = 'pending', finished_at = NULL WHERE id = ?", [UUID.fromString(log[0].id as String)])
                break
        }
        [site: site, hook: hook, delivery: state == 'unknown delivery' ? [id: UUID.randomUUID()] : log[0]]
    }
}
