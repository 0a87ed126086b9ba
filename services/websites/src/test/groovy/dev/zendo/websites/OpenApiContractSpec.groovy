package dev.zendo.websites

import dev.zendo.testsupport.badinput.OpenApiContract
import dev.zendo.testsupport.badinput.OpenApiDocument
import spock.lang.Shared
import spock.lang.Specification

/**
 * The served OpenAPI document describes the wire: field names as sent and read (snake_case), only fields the server
 * needs marked required, and real answers that match their documented schemas.
 */
class OpenApiContractSpec extends Specification {

    @Shared
    WebsitesApi api = WebsitesApi.get()

    @Shared
    OpenApiContract contract = new OpenApiContract(new OpenApiDocument(new URL(api.server.URL, '/swagger/zendo-websites-v1.yml').text))

    @Shared
    WebsitesApi.Agent owner = api.agent()

    /** A body using every documented field of website creation, under its documented name. */
    static final Map FULL_WEBSITE = [
            name           : 'Contract shop',
            domains        : ['contract.example'],
            allowed_origins: ['https://contract.example'],
            widget         : [color: '#123456', position: 'left', greeting: 'Hello', away_message: 'Away', language: 'en', visitor_session_hours: 48, sneak_peek: true,
                              pre_chat_fields: [[kind: 'email', label: 'Email', required: true]],
                              business_hours: [time_zone: 'Europe/Paris', days: [monday: [[from: '09:00', to: '17:00']]]]],
    ]

    def 'every documented field name is snake_case, as on the wire'() {
        expect:
        contract.namesNotSnakeCase() == []
    }

    def 'a website created with every documented field, under its documented name, is accepted and answered as documented'() {
        expect:
        contract.requestViolations('POST', '/v1/websites', FULL_WEBSITE) == []

        when:
        def reply = api.call('POST', '/v1/websites', owner.token, FULL_WEBSITE)

        then:
        reply.status == 201
        contract.responseViolations('POST', '/v1/websites', 201, reply.body) == []
        reply.body.widget.pre_chat_fields == FULL_WEBSITE.widget.pre_chat_fields
    }

    def 'a widget with only its documented required fields is accepted: the server fills in the rest'() {
        given:
        def minimal = [name: 'Minimal', widget: [pre_chat_fields: [[kind: 'name', label: 'Name']]]]

        expect:
        contract.requestViolations('POST', '/v1/websites', minimal) == []
        api.call('POST', '/v1/websites', owner.token, minimal).status == 201
    }

    def '#method #path answers #status as its document describes'() {
        given:
        def website = api.createWebsite(owner, [domains: ['answers.example']])
        def group = WebsitesApi.expect(201, api.call('POST', "/v1/websites/$website.id/groups", owner.token, [name: 'Sales']))
        def canned = WebsitesApi.expect(201, api.call('POST', "/v1/websites/$website.id/canned-responses", owner.token, [shortcut: 'hi', text: 'Hello']))
        api.call('POST', "/v1/websites/$website.id/invitations", owner.token, [email: 'bea@example.com', role: 'agent'])
        def concrete = path.replace('{websiteId}', website.id).replace('{groupId}', group.id).replace('{cannedResponseId}', canned.id)
                .replace('{agentId}', owner.id)

        when:
        def reply = api.call(method, concrete, owner.token, body)

        then:
        reply.status == status
        contract.responseViolations(method, path, status, reply.body) == []

        where:
        method  | path                                                   | body                            || status
        'GET'   | '/v1/websites'                                         | null                            || 200
        'GET'   | '/v1/websites/{websiteId}'                             | null                            || 200
        'PATCH' | '/v1/websites/{websiteId}'                             | [name: 'Renamed']               || 200
        'GET'   | '/v1/websites/{websiteId}/groups'                      | null                            || 200
        'GET'   | '/v1/websites/{websiteId}/groups/{groupId}'            | null                            || 200
        'PATCH' | '/v1/websites/{websiteId}/groups/{groupId}'            | [routing: 'sticky']             || 200
        'GET'   | '/v1/websites/{websiteId}/canned-responses'            | null                            || 200
        'GET'   | '/v1/websites/{websiteId}/canned-responses/{cannedResponseId}' | null                    || 200
        'GET'   | '/v1/websites/{websiteId}/members'                     | null                            || 200
        'PATCH' | '/v1/websites/{websiteId}/members/{agentId}'           | [max_concurrent_chats: 3]       || 200
        'GET'   | '/v1/websites/{websiteId}/invitations'                 | null                            || 200
        'POST'  | '/v1/websites/{websiteId}/invitations'                 | [email: 'cy@example.com', role: 'agent'] || 201
        'GET'   | '/v1/websites/{websiteId}/keys'                        | null                            || 200
        'POST'  | '/v1/websites/{websiteId}/keys/rotate'                 | [kind: 'secret']                || 201
        'POST'  | '/v1/realtime/tickets'                                 | null                            || 201
        'GET'   | '/v1/realtime/jwks.json'                               | null                            || 200
    }
}
