package dev.zendo.websites

import dev.zendo.testsupport.TestInfra
import io.micronaut.web.router.Router
import spock.lang.Shared
import spock.lang.Specification

/**
 * Every endpoint, walked by every kind of caller: no token and bad tokens get 401, a member of another website 404
 * (it never learns the resource exists), and each role of the website what docs/permissions.md says.
 */
class AccessMatrixSpec extends Specification {

    static final List<String> ROLES = ['owner', 'admin', 'supervisor', 'agent', 'viewer']
    static final List<String> BAD_TOKENS = ['no token', 'tampered', 'expired 2 minutes ago', 'alg none', 'wrong issuer', 'wrong audience', 'unknown key']
    static final String W = '/v1/websites/{websiteId}'

    @Shared
    WebsitesApi api = WebsitesApi.get()

    /** One agent per role; they hold these roles in every team website of this spec. */
    @Shared
    Map<String, WebsitesApi.Agent> team = ROLES.collectEntries { [(it): api.agent()] }

    @Shared
    WebsitesApi.Agent outsider = api.agent()

    @Shared
    Map base = teamWebsite()

    def setupSpec() {
        api.createWebsite(outsider)
    }

    /** How to reach each endpoint: what the owner prepares first (ids in a map), then the request. */
    @Shared
    Map<String, Map> endpoints = [
            "GET $W"                                               : [request: { ['GET', "/v1/websites/$it.w"] }],
            "PATCH $W"                                             : [request: { ['PATCH', "/v1/websites/$it.w", [name: 'Renamed']] }],
            "DELETE $W"                                            : [fresh: true, request: { ['DELETE', "/v1/websites/$it.w"] }],
            "POST $W/restore"                                      : [fresh: true, prepare: { ids -> deleteWebsite(ids.w) }, request: { ['POST', "/v1/websites/$it.w/restore"] }],
            "GET $W/keys"                                          : [request: { ['GET', "/v1/websites/$it.w/keys"] }],
            "POST $W/keys/rotate"                                  : [request: { ['POST', "/v1/websites/$it.w/keys/rotate", [kind: 'secret']] }],
            "POST $W/keys/{keyId}/revoke"                          : [prepare: { ids -> [k: rotatedKeyId(ids.w)] }, request: { ['POST', "/v1/websites/$it.w/keys/$it.k/revoke"] }],
            "GET $W/members"                                       : [request: { ['GET', "/v1/websites/$it.w/members"] }],
            "PATCH $W/members/{agentId} (an agent)"                : [prepare: { ids -> [m: newMember(ids.w, 'agent')] }, request: { ['PATCH', "/v1/websites/$it.w/members/$it.m", [role: 'viewer']] }],
            "PATCH $W/members/{agentId} (an owner)"                : [prepare: { ids -> [m: newMember(ids.w, 'owner')] }, request: { ['PATCH', "/v1/websites/$it.w/members/$it.m", [max_concurrent_chats: 3]] }],
            "PATCH $W/members/{agentId} (own availability)"        : [request: { ['PATCH', "/v1/websites/$it.w/members/$it.me", [accepting_chats: false]] }],
            "DELETE $W/members/{agentId} (an agent)"               : [prepare: { ids -> [m: newMember(ids.w, 'agent')] }, request: { ['DELETE', "/v1/websites/$it.w/members/$it.m"] }],
            "DELETE $W/members/{agentId} (an owner)"               : [prepare: { ids -> [m: newMember(ids.w, 'owner')] }, request: { ['DELETE', "/v1/websites/$it.w/members/$it.m"] }],
            "DELETE $W/members/{agentId} (leaving)"                : [fresh: true, request: { ['DELETE', "/v1/websites/$it.w/members/$it.me"] }],
            "POST $W/invitations (an agent)"                       : [request: { ['POST', "/v1/websites/$it.w/invitations", [email: "${TestInfra.uniqueName('i')}@example.com", role: 'agent']] }],
            "POST $W/invitations (an owner)"                       : [request: { ['POST', "/v1/websites/$it.w/invitations", [email: "${TestInfra.uniqueName('i')}@example.com", role: 'owner']] }],
            "GET $W/invitations"                                   : [request: { ['GET', "/v1/websites/$it.w/invitations"] }],
            "DELETE $W/invitations/{invitationId}"                 : [prepare: { ids -> [i: invitationId(ids.w)] }, request: { ['DELETE', "/v1/websites/$it.w/invitations/$it.i"] }],
            "GET $W/groups"                                        : [request: { ['GET', "/v1/websites/$it.w/groups"] }],
            "POST $W/groups"                                       : [request: { ['POST', "/v1/websites/$it.w/groups", [name: TestInfra.uniqueName('g')]] }],
            "GET $W/groups/{groupId}"                              : [prepare: { ids -> [g: groupId(ids.w)] }, request: { ['GET', "/v1/websites/$it.w/groups/$it.g"] }],
            "PATCH $W/groups/{groupId}"                            : [prepare: { ids -> [g: groupId(ids.w)] }, request: { ['PATCH', "/v1/websites/$it.w/groups/$it.g", [routing: 'sticky']] }],
            "DELETE $W/groups/{groupId}"                           : [prepare: { ids -> [g: groupId(ids.w)] }, request: { ['DELETE', "/v1/websites/$it.w/groups/$it.g"] }],
            "PUT $W/groups/{groupId}/members/{agentId}"            : [prepare: { ids -> [g: groupId(ids.w)] }, request: { ['PUT', "/v1/websites/$it.w/groups/$it.g/members/${team.agent.id}"] }],
            "DELETE $W/groups/{groupId}/members/{agentId}"         : [prepare: { ids -> [g: groupId(ids.w, team.agent.id)] }, request: { ['DELETE', "/v1/websites/$it.w/groups/$it.g/members/${team.agent.id}"] }],
            "GET $W/canned-responses"                              : [request: { ['GET', "/v1/websites/$it.w/canned-responses?prefix=a"] }],
            "POST $W/canned-responses"                             : [request: { ['POST', "/v1/websites/$it.w/canned-responses", [shortcut: TestInfra.uniqueName('c'), text: 'Hello']] }],
            "GET $W/canned-responses/{cannedResponseId}"           : [prepare: { ids -> [c: cannedId(ids.w)] }, request: { ['GET', "/v1/websites/$it.w/canned-responses/$it.c"] }],
            "PATCH $W/canned-responses/{cannedResponseId}"         : [prepare: { ids -> [c: cannedId(ids.w)] }, request: { ['PATCH', "/v1/websites/$it.w/canned-responses/$it.c", [text: 'Changed']] }],
            "DELETE $W/canned-responses/{cannedResponseId}"        : [prepare: { ids -> [c: cannedId(ids.w)] }, request: { ['DELETE', "/v1/websites/$it.w/canned-responses/$it.c"] }],
    ].collectEntries { [(it.key.toString()): it.value] }

    def '#endpoint answers each caller as the permission matrix says'() {
        given:
        def expected = BAD_TOKENS.collectEntries { [(it): 401] } + ['another website': 404] +
                [owner: owner, admin: admin, supervisor: supervisor, agent: agent, viewer: viewer]

        when:
        def actual = expected.keySet().collectEntries { caller -> [(caller): statusFor(endpoint.toString(), caller)] }

        then:
        actual == expected

        where:
        endpoint                                                | owner | admin | supervisor | agent | viewer
        "GET $W"                                                | 200   | 200   | 200        | 200   | 200
        "PATCH $W"                                              | 200   | 200   | 403        | 403   | 403
        "DELETE $W"                                             | 204   | 403   | 403        | 403   | 403
        "POST $W/restore"                                       | 200   | 403   | 403        | 403   | 403
        "GET $W/keys"                                           | 200   | 200   | 403        | 403   | 403
        "POST $W/keys/rotate"                                   | 201   | 201   | 403        | 403   | 403
        "POST $W/keys/{keyId}/revoke"                           | 200   | 200   | 403        | 403   | 403
        "GET $W/members"                                        | 200   | 200   | 200        | 200   | 200
        "PATCH $W/members/{agentId} (an agent)"                 | 200   | 200   | 403        | 403   | 403
        "PATCH $W/members/{agentId} (an owner)"                 | 200   | 403   | 403        | 403   | 403
        "PATCH $W/members/{agentId} (own availability)"         | 200   | 200   | 200        | 200   | 403
        "DELETE $W/members/{agentId} (an agent)"                | 204   | 204   | 403        | 403   | 403
        "DELETE $W/members/{agentId} (an owner)"                | 204   | 403   | 403        | 403   | 403
        "DELETE $W/members/{agentId} (leaving)"                 | 409   | 204   | 204        | 204   | 204
        "POST $W/invitations (an agent)"                        | 201   | 201   | 403        | 403   | 403
        "POST $W/invitations (an owner)"                        | 201   | 403   | 403        | 403   | 403
        "GET $W/invitations"                                    | 200   | 200   | 403        | 403   | 403
        "DELETE $W/invitations/{invitationId}"                  | 204   | 204   | 403        | 403   | 403
        "GET $W/groups"                                         | 200   | 200   | 200        | 200   | 200
        "POST $W/groups"                                        | 201   | 201   | 201        | 403   | 403
        "GET $W/groups/{groupId}"                               | 200   | 200   | 200        | 200   | 200
        "PATCH $W/groups/{groupId}"                             | 200   | 200   | 200        | 403   | 403
        "DELETE $W/groups/{groupId}"                            | 204   | 204   | 204        | 403   | 403
        "PUT $W/groups/{groupId}/members/{agentId}"             | 200   | 200   | 200        | 403   | 403
        "DELETE $W/groups/{groupId}/members/{agentId}"          | 200   | 200   | 200        | 403   | 403
        "GET $W/canned-responses"                               | 200   | 200   | 200        | 200   | 200
        "POST $W/canned-responses"                              | 201   | 201   | 201        | 403   | 403
        "GET $W/canned-responses/{cannedResponseId}"            | 200   | 200   | 200        | 200   | 200
        "PATCH $W/canned-responses/{cannedResponseId}"          | 200   | 200   | 200        | 403   | 403
        "DELETE $W/canned-responses/{cannedResponseId}"         | 204   | 204   | 204        | 403   | 403
    }

    def '#endpoint needs a valid token and nothing more'() {
        expect:
        BAD_TOKENS.collectEntries { [(it): statusOf(it, request)] } == BAD_TOKENS.collectEntries { [(it): 401] }
        statusOf('outsider', request) == status

        where:
        endpoint                      | request                                                    || status
        'GET /v1/websites'            | ['GET', '/v1/websites']                                    || 200
        'POST /v1/websites'           | ['POST', '/v1/websites', [name: 'Mine']]                   || 201
        'POST /v1/realtime/tickets'   | ['POST', '/v1/realtime/tickets']                           || 201
        'POST /v1/invitations/accept' | ['POST', '/v1/invitations/accept', [token: 'inv_unknown']] || 404
    }

    def 'the tickets JWKS is public'() {
        expect:
        api.call('GET', '/v1/realtime/jwks.json', null).status == 200
    }

    def 'the walks above cover every endpoint of the service'() {
        given:
        def walked = endpoints.keySet().collect { it.replaceAll(/ \(.*\)$/, '') } +
                ['GET /v1/websites', 'POST /v1/websites', 'POST /v1/realtime/tickets', 'POST /v1/invitations/accept', 'GET /v1/realtime/jwks.json']

        when:
        def routes = api.context.getBean(Router).uriRoutes()
                .map { "${it.httpMethodName} ${it.uriMatchTemplate.toPathString()}".toString() }
                .filter { it.contains(' /v1/') && !it.startsWith('HEAD ') }
                .toList()

        then:
        routes.toSet() == walked.toSet()
    }

    private int statusFor(String endpoint, String caller) {
        Map definition = endpoints[endpoint.toString()]
        if (caller in BAD_TOKENS) {
            return statusOf(caller, definition.request.call([w: base.id, me: team.owner.id, k: UUID.randomUUID(), m: team.agent.id,
                                                          i: UUID.randomUUID(), g: UUID.randomUUID(), c: UUID.randomUUID()]) as List)
        }
        def website = definition.fresh ? teamWebsite() : base
        def ids = [w: website.id, me: caller == 'another website' ? outsider.id : team[caller].id]
        ids += (definition.prepare?.call(ids) ?: [:]) as Map
        statusOf(caller == 'another website' ? 'outsider' : caller, definition.request.call(ids) as List)
    }

    private int statusOf(String caller, List request) {
        def (method, path, body) = request + [null]
        api.call(method as String, path as String, token(caller), body).status
    }

    private String token(String caller) {
        def owner = team.owner
        switch (caller) {
            case 'no token': return null
            case 'tampered': return api.identity.tamperedToken('someone-else', owner.claims(), owner.id)
            case 'expired 2 minutes ago': return api.identity.expiredToken(owner.id, owner.claims())
            case 'alg none': return api.identity.unsignedToken(owner.id, owner.claims())
            case 'wrong issuer': return api.identity.wrongIssuerToken(owner.id, owner.claims())
            case 'wrong audience': return api.identity.wrongAudienceToken(owner.id, owner.claims())
            case 'unknown key': return api.identity.foreignKeyToken(owner.id, owner.claims())
            case 'outsider': return outsider.token
            default: return team[caller].token
        }
    }

    /** A website where each agent of {@link #team} holds its role. */
    private Map teamWebsite() {
        def website = api.createWebsite(team.owner)
        ROLES.tail().each { api.join(team.owner, website.id, team[it], it) }
        website
    }

    private void deleteWebsite(String websiteId) {
        assert api.call('DELETE', "/v1/websites/$websiteId", team.owner.token).status == 204
    }

    private String rotatedKeyId(String websiteId) {
        def keys = WebsitesApi.expect(200, api.call('GET', "/v1/websites/$websiteId/keys", team.owner.token)) as List
        WebsitesApi.expect(201, api.call('POST', "/v1/websites/$websiteId/keys/rotate", team.owner.token, [kind: 'public']))
        keys.find { it.kind == 'public' && it.current }.id
    }

    private String newMember(String websiteId, String role) {
        def member = api.agent()
        api.join(team.owner, websiteId, member, role)
        member.id
    }

    private String invitationId(String websiteId) {
        WebsitesApi.expect(201, api.call('POST', "/v1/websites/$websiteId/invitations", team.owner.token,
                [email: "${TestInfra.uniqueName('i')}@example.com", role: 'agent'])).id
    }

    private String groupId(String websiteId, String memberId = null) {
        def group = WebsitesApi.expect(201, api.call('POST', "/v1/websites/$websiteId/groups", team.owner.token, [name: TestInfra.uniqueName('g')]))
        if (memberId) {
            WebsitesApi.expect(200, api.call('PUT', "/v1/websites/$websiteId/groups/$group.id/members/$memberId", team.owner.token))
        }
        group.id
    }

    private String cannedId(String websiteId) {
        WebsitesApi.expect(201, api.call('POST', "/v1/websites/$websiteId/canned-responses", team.owner.token,
                [shortcut: TestInfra.uniqueName('c'), text: 'Hello'])).id
    }
}
