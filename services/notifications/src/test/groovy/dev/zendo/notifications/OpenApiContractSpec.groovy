package dev.zendo.notifications

import dev.zendo.notifications.webhook.WebhookOpenApiSpec
import dev.zendo.testsupport.badinput.OpenApiContract
import dev.zendo.testsupport.badinput.OpenApiDocument
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import static dev.zendo.notifications.NotificationsApi.invitation
import static dev.zendo.notifications.NotificationsApi.newAddress
import static dev.zendo.notifications.NotificationsApi.publish

/**
 * The served OpenAPI document describes the wire of every notifications endpoint: field names as sent, only fields
 * always present marked required, enums spelled as on the wire, and every documented operation answering as its
 * document says.
 */
class OpenApiContractSpec extends Specification {

    @Shared NotificationsApi api = NotificationsApi.get()
    @Shared OpenApiDocument document = new OpenApiDocument(new URL(api.server.URL, '/swagger/zendo-notifications-v1.yml').text)
    @Shared OpenApiContract contract = new OpenApiContract(document)
    @Shared String owner = UUID.randomUUID().toString()
    @Shared String site

    def setupSpec() {
        site = api.website(owner)
        def suppressed = invitation(site, newAddress(), 'x', [sealed: com.google.protobuf.ByteString.EMPTY])
        publish(api.websitesTopic, site, invitation(site, newAddress(), 'inv_contract'), suppressed)
        new PollingConditions(timeout: 20).eventually {
            assert api.sql("SELECT count(*) AS n FROM notification WHERE website_id = ?::uuid AND status IN ('delivered', 'suppressed')", [site])[0].n == 2
        }
    }

    def 'every documented field name is snake_case, as on the wire'() {
        expect:
        contract.namesNotSnakeCase() == []
    }

    /** The unsubscribe link's pages answer HTML for people and mail clients; ConversationMailSpec checks them. */
    static final Set<String> PAGES = ['GET /v1/notifications/unsubscribe', 'POST /v1/notifications/unsubscribe'] as Set

    def 'every documented operation but the webhooks\' (WebhookOpenApiSpec) has its success answer checked below'() {
        given:
        def documented = document.operations().findAll { !it.path.startsWith(WebhookOpenApiSpec.PREFIX) }
                .collect { "$it.method $it.path".toString() } as Set
        def checked = answers().findAll { it[3] < 300 }.collect { "${it[0]} ${it[1]}".toString() } as Set
        checked.addAll(PAGES)

        expect:
        documented - checked == [] as Set
    }

    def '#method #path#query answers #status as its document describes'() {
        given:
        def concrete = path.replace('{websiteId}', site)

        when:
        def reply = api.call(method, concrete + query, api.agentToken(owner), body)

        then:
        reply.status == status
        contract.responseViolations(method, path, status, reply.body) == []
        body == null || status >= 400 || contract.requestViolations(method, path, body) == []

        where:
        [method, path, query, status, body] << answers()
    }

    /** Each row: method, path template, query, status, body. */
    private static List<List> answers() {
        [
                ['GET', '/v1/websites/{websiteId}/notifications', '', 200, null],
                ['GET', '/v1/websites/{websiteId}/notifications', '?limit=1', 200, null],
                ['GET', '/v1/websites/{websiteId}/notifications', '?status=suppressed', 200, null],
                ['GET', '/v1/websites/{websiteId}/notifications', '?limit=0', 400, null],
                ['GET', '/v1/websites/{websiteId}/notification-preferences', '', 200, null],
                ['PUT', '/v1/websites/{websiteId}/notification-preferences', '', 200, [email: [new_conversation: true, assignment: false, offline_message: false]]],
                ['PUT', '/v1/websites/{websiteId}/notification-preferences', '', 400, [email: [new_conversation: true]]],
        ]
    }
}
