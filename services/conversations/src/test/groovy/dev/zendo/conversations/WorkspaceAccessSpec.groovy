package dev.zendo.conversations

import spock.lang.Shared
import spock.lang.Specification

import static dev.zendo.conversations.ConversationsApi.expect

/**
 * The access matrix of the tag, search, visitor, agent-stats, presence and identity-verification endpoints (docs/permissions.md):
 * each role gets what its permission allows, 403 otherwise, a non-member 404, no token 401; another website's ids are
 * never found through this one; and a refused call writes nothing.
 */
class WorkspaceAccessSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    @Shared
    WorkspaceSeed seed = new WorkspaceSeed(api)

    static final Map ALL = [OWNER: 200, ADMIN: 200, SUPERVISOR: 200, AGENT: 200, VIEWER: 200]

    static Map allowed(int ok, List<String> roles) {
        ['OWNER', 'ADMIN', 'SUPERVISOR', 'AGENT', 'VIEWER'].collectEntries { [(it): roles.contains(it) ? ok : 403] }
    }

    static final List<String> MANAGERS = ['OWNER', 'ADMIN', 'SUPERVISOR']
    static final List<String> OWNERS = ['OWNER', 'ADMIN']

    def '#method #path answers #role with #status'() {
        given:
        def site = api.site()
        def fixture = fixture(site)
        def caller = role == 'OWNER' ? site.owner : role == 'OUTSIDER' ? api.site().owner : api.member(site, role)
        def before = api.state(site)

        when:
        def reply = api.call(method, concrete(path, site, fixture), caller.token, body)

        then:
        reply.status == status
        status < 400 || api.state(site) == before

        where:
        [method, path, body, role, status] << ENDPOINTS.collectMany { endpoint ->
            (endpoint.roles + [OUTSIDER: 404]).collect { role, status -> [endpoint.method, endpoint.path, endpoint.body, role, status] }
        }
    }

    def '#method #path without a token answers 401'() {
        given:
        def site = api.site()
        def target = concrete(path, site, fixture(site))
        def before = api.state(site)

        expect:
        api.call(method, target, null, body).status == 401
        api.state(site) == before

        where:
        [method, path, body] << ENDPOINTS.collect { [it.method, it.path, it.body] }
    }

    def '#method #path with another website\'s #what is not found, and writes nothing'() {
        given:
        def site = api.site()
        def other = api.site()
        def foreign = fixture(other)
        def before = api.state(site, other)

        when:
        def reply = api.call(method, concrete(path, site, foreign), site.owner.token, body)

        then:
        reply.status == 404
        api.state(site, other) == before

        where:
        method   | path                                                      | body               || what
        'PATCH'  | '/v1/inbox/{websiteId}/tags/{tagId}'                      | [name: 'Renamed']  || 'tag'
        'DELETE' | '/v1/inbox/{websiteId}/tags/{tagId}'                      | null               || 'tag'
        'POST'   | '/v1/inbox/{websiteId}/tags/{tagId}/restore'              | null               || 'tag'
        'GET'    | '/v1/inbox/{websiteId}/visitors/{visitorId}'              | null               || 'visitor'
        'DELETE' | '/v1/inbox/{websiteId}/identity-verification/secrets/{secretId}' | null        || 'secret'
    }

    static final List<Map> ENDPOINTS = [
            [method: 'GET', path: '/v1/inbox/{websiteId}/tags', roles: ALL],
            [method: 'POST', path: '/v1/inbox/{websiteId}/tags', body: [name: 'New', color: '#abc'], roles: allowed(201, MANAGERS)],
            [method: 'PATCH', path: '/v1/inbox/{websiteId}/tags/{tagId}', body: [color: '#def'], roles: allowed(200, MANAGERS)],
            [method: 'DELETE', path: '/v1/inbox/{websiteId}/tags/{tagId}', roles: allowed(204, MANAGERS)],
            [method: 'POST', path: '/v1/inbox/{websiteId}/tags/{deletedTagId}/restore', roles: allowed(200, MANAGERS)],
            [method: 'GET', path: '/v1/inbox/{websiteId}/search?q=hello', roles: ALL],
            [method: 'GET', path: '/v1/inbox/{websiteId}/visitors/{visitorId}', roles: ALL],
            [method: 'GET', path: '/v1/inbox/{websiteId}/agent-stats', roles: allowed(200, MANAGERS)],
            [method: 'GET', path: '/v1/inbox/{websiteId}/presence', roles: ALL],
            [method: 'GET', path: '/v1/inbox/{websiteId}/identity-verification/secrets', roles: allowed(200, OWNERS)],
            [method: 'POST', path: '/v1/inbox/{websiteId}/identity-verification/secrets', roles: allowed(201, OWNERS)],
            [method: 'DELETE', path: '/v1/inbox/{websiteId}/identity-verification/secrets/{secretId}', roles: allowed(204, OWNERS)],
    ]

    private Map fixture(ConversationsApi.Site site) {
        def tag = expect(201, api.call('POST', "/v1/inbox/$site.id/tags", site.owner.token, [name: 'Billing', color: '#123']))
        def deleted = expect(201, api.call('POST', "/v1/inbox/$site.id/tags", site.owner.token, [name: 'Old', color: '#456']))
        api.call('DELETE', "/v1/inbox/$site.id/tags/$deleted.id", site.owner.token)
        def previous = expect(201, api.call('POST', "/v1/inbox/$site.id/identity-verification/secrets", site.owner.token))
        expect(201, api.call('POST', "/v1/inbox/$site.id/identity-verification/secrets", site.owner.token))
        def visitor = seed.visitor(site, [name: 'hello'])
        [tagId: tag.id, deletedTagId: deleted.id, secretId: previous.id, visitorId: visitor.toString()]
    }

    private static String concrete(String path, ConversationsApi.Site site, Map fixture) {
        path.replace('{websiteId}', site.id.toString()).replace('{tagId}', fixture.tagId).replace('{deletedTagId}', fixture.deletedTagId)
                .replace('{secretId}', fixture.secretId).replace('{visitorId}', fixture.visitorId)
    }
}
