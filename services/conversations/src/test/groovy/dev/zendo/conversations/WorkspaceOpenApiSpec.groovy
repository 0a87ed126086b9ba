package dev.zendo.conversations

import dev.zendo.testsupport.badinput.OpenApiContract
import dev.zendo.testsupport.badinput.OpenApiDocument
import spock.lang.Shared
import spock.lang.Specification

import static dev.zendo.conversations.ConversationsApi.expect

/** The served OpenAPI document describes the workspace endpoints' real answers: snake_case names, documented schemas and statuses. */
class WorkspaceOpenApiSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    @Shared
    WorkspaceSeed seed = new WorkspaceSeed(api)

    @Shared
    OpenApiContract contract = new OpenApiContract(new OpenApiDocument(new URL(api.server.URL, '/swagger/zendo-conversations-v1.yml').text))

    def 'every documented field name is snake_case, as on the wire'() {
        expect:
        contract.namesNotSnakeCase() == []
    }

    def '#method #path answers #status as its document describes'() {
        given:
        def site = api.site()
        def tag = expect(201, api.call('POST', "/v1/inbox/$site.id/tags", site.owner.token, [name: 'Doc', color: '#123']))
        def visitor = seed.visitor(site, [name: 'Documented Dodo', email: 'dodo@example.com', claimedEmail: 'c@example.com'])
        def conversation = seed.conversation(site, visitor, 'ACTIVE', site.owner.id)
        seed.message(conversation, 'dodo question')
        api.sql('INSERT INTO page_views (visitor_id, website_id, url, viewed_at) VALUES (?, ?, ?, now())', [visitor, site.id, 'https://shop.example/'])
        def concrete = path.replace('{websiteId}', site.id.toString()).replace('{tagId}', tag.id).replace('{visitorId}', visitor.toString())

        when:
        def reply = api.call(method, concrete + query, site.owner.token, body)

        then:
        reply.status == status
        contract.responseViolations(method, path, status, reply.body) == []
        body == null || contract.requestViolations(method, path, body) == []

        where:
        method  | path                                                  | query      | body                        || status
        'GET'   | '/v1/inbox/{websiteId}/tags'                          | '?include_deleted=true' | null         || 200
        'POST'  | '/v1/inbox/{websiteId}/tags'                          | ''         | [name: 'New', color: '#abc'] || 201
        'PATCH' | '/v1/inbox/{websiteId}/tags/{tagId}'                  | ''         | [name: 'Renamed']           || 200
        'POST'  | '/v1/inbox/{websiteId}/tags/{tagId}/restore'          | ''         | null                        || 200
        'POST'  | '/v1/inbox/{websiteId}/tags'                          | ''         | [name: 'doc', color: '#abc'] || 409
        'GET'   | '/v1/inbox/{websiteId}/search'                        | '?q=dodo'  | null                        || 200
        'GET'   | '/v1/inbox/{websiteId}/search'                        | '?q='      | null                        || 400
        'GET'   | '/v1/inbox/{websiteId}/visitors/{visitorId}'          | ''         | null                        || 200
        'GET'   | '/v1/inbox/{websiteId}/agent-stats'                   | ''         | null                        || 200
        'POST'  | '/v1/inbox/{websiteId}/identity-verification/secrets' | ''         | [overlap_seconds: 60]       || 201
        'GET'   | '/v1/inbox/{websiteId}/identity-verification/secrets' | ''         | null                        || 200
    }
}
