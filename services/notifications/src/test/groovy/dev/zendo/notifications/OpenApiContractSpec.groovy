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

    def 'every documented operation but the webhooks\' (WebhookOpenApiSpec) has its success answer checked below'() {
        given:
        def documented = document.operations().findAll { !it.path.startsWith(WebhookOpenApiSpec.PREFIX) }
                .collect { "$it.method $it.path".toString() } as Set
        def checked = answers().findAll { it[3] < 300 }.collect { "${it[0]} ${it[1]}".toString() } as Set

        expect:
        documented - checked == [] as Set
    }

    def '#method #path#query answers #status as its document describes'() {
        given:
        def concrete = path.replace('{websiteId}', site)

        when:
        def reply = api.call(method, concrete + query, api.agentToken(owner))

        then:
        reply.status == status
        contract.responseViolations(method, path, status, reply.body) == []

        where:
        [method, path, query, status] << answers()
    }

    /** Each row: method, path template, query, status. */
    private static List<List> answers() {
        [
                ['GET', '/v1/websites/{websiteId}/notifications', '', 200],
                ['GET', '/v1/websites/{websiteId}/notifications', '?limit=1', 200],
                ['GET', '/v1/websites/{websiteId}/notifications', '?status=suppressed', 200],
                ['GET', '/v1/websites/{websiteId}/notifications', '?limit=0', 400],
        ]
    }
}
