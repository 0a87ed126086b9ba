package dev.zendo.conversations.agent

import dev.zendo.conversations.ConversationsApi
import io.micronaut.web.router.Router
import spock.lang.Shared
import spock.lang.Specification

/**
 * Every agent-facing conversation endpoint, walked by every kind of caller: bad tokens get 401, a member of another
 * website 404, each role of the website what docs/permissions.md ("Conversation endpoints") says; and another website's
 * conversation is not found on any of them.
 */
class InboxAccessMatrixSpec extends Specification {

    static final List<String> ROLES = ['owner', 'admin', 'supervisor', 'agent', 'viewer']
    static final List<String> BAD_TOKENS = ['no token', 'expired', 'tampered', 'unknown key']
    static final String C = '/v1/inbox/{websiteId}/conversations'

    @Shared
    ConversationsApi api = ConversationsApi.get()

    @Shared
    ConversationsApi.Site site = api.site()

    /** One member per role; the owner is the site's own. Capacity is high: the walk assigns many conversations. */
    @Shared
    Map<String, ConversationsApi.Agent> team = [owner: site.owner] + ROLES.tail().collectEntries { [(it): api.member(site, it.toUpperCase(), 1000)] }

    @Shared
    ConversationsApi.Agent someone = api.member(site, 'AGENT', 1000)

    @Shared
    ConversationsApi.Site elsewhere = api.site()

    @Shared
    UUID tag = api.tagOf(site)

    /** How to reach each endpoint: the conversation's state for the caller, then the request. */
    @Shared
    Map<String, Map> endpoints = [
            "GET $C"                                  : [request: { c, me -> ['GET', "$c.base"] }],
            "GET $C/counts"                           : [request: { c, me -> ['GET', "$c.base/counts"] }],
            "GET $C/{id} (waiting)"                   : [request: { c, me -> ['GET', c.path] }],
            "GET $C/{id} (another agent's)"           : [state: 'theirs', request: { c, me -> ['GET', c.path] }],
            "GET $C/{id}/messages"                    : [request: { c, me -> ['GET', "$c.path/messages"] }],
            "POST $C/{id}/messages (text)"            : [request: { c, me -> ['POST', "$c.path/messages", [body: 'Hi']] }],
            "POST $C/{id}/messages (note)"            : [request: { c, me -> ['POST', "$c.path/messages", [body: 'Psst', kind: 'note']] }],
            "POST $C/{id}/read"                       : [request: { c, me -> ['POST', "$c.path/read", [seq: 1]] }],
            "POST $C/{id}/assign (oneself)"           : [request: { c, me -> ['POST', "$c.path/assign", [agent_id: me]] }],
            "POST $C/{id}/assign (another agent)"     : [request: { c, me -> ['POST', "$c.path/assign", [agent_id: someone.id]] }],
            "POST $C/{id}/assign (a group)"           : [request: { c, me -> ['POST', "$c.path/assign", [group_id: site.groupId.toString()]] }],
            "POST $C/{id}/resolve (own)"              : [state: 'own', request: { c, me -> ['POST', "$c.path/resolve"] }],
            "POST $C/{id}/resolve (another agent's)"  : [state: 'theirs', request: { c, me -> ['POST', "$c.path/resolve"] }],
            "POST $C/{id}/close (own)"                : [state: 'own', request: { c, me -> ['POST', "$c.path/close", [reason: 'Done']] }],
            "POST $C/{id}/close (another agent's)"    : [state: 'theirs', request: { c, me -> ['POST', "$c.path/close"] }],
            "POST $C/{id}/reopen (own)"               : [state: 'own closed', request: { c, me -> ['POST', "$c.path/reopen"] }],
            "POST $C/{id}/reopen (another agent's)"   : [state: 'theirs closed', request: { c, me -> ['POST', "$c.path/reopen"] }],
            "PUT $C/{id}/tags"                        : [request: { c, me -> ['PUT', "$c.path/tags", [tag_ids: [tag.toString()]]] }],
    ].collectEntries { [(it.key.toString()): it.value] }

    def '#endpoint answers each caller as the permission matrix says'() {
        given:
        def expected = BAD_TOKENS.collectEntries { [(it): 401] } + ['another website': 404] +
                [owner: owner, admin: admin, supervisor: supervisor, agent: agent, viewer: viewer]

        when:
        def actual = expected.keySet().collectEntries { caller -> [(caller): statusFor(endpoint.toString(), caller)] }

        then:
        actual == expected
        documented()[endpoint.toString()] == [owner, admin, supervisor, agent, viewer].collect { it < 300 }

        where:
        endpoint                                   | owner | admin | supervisor | agent | viewer
        "GET $C"                                   | 200   | 200   | 200        | 200   | 200
        "GET $C/counts"                            | 200   | 200   | 200        | 200   | 200
        "GET $C/{id} (waiting)"                    | 200   | 200   | 200        | 200   | 200
        "GET $C/{id} (another agent's)"            | 200   | 200   | 200        | 403   | 200
        "GET $C/{id}/messages"                     | 200   | 200   | 200        | 200   | 200
        "POST $C/{id}/messages (text)"             | 201   | 201   | 201        | 201   | 403
        "POST $C/{id}/messages (note)"             | 201   | 201   | 201        | 201   | 403
        "POST $C/{id}/read"                        | 200   | 200   | 200        | 200   | 200
        "POST $C/{id}/assign (oneself)"            | 200   | 200   | 200        | 200   | 403
        "POST $C/{id}/assign (another agent)"      | 200   | 200   | 200        | 403   | 403
        "POST $C/{id}/assign (a group)"            | 200   | 200   | 200        | 403   | 403
        "POST $C/{id}/resolve (own)"               | 200   | 200   | 200        | 200   | 403
        "POST $C/{id}/resolve (another agent's)"   | 200   | 200   | 200        | 403   | 403
        "POST $C/{id}/close (own)"                 | 200   | 200   | 200        | 200   | 403
        "POST $C/{id}/close (another agent's)"     | 200   | 200   | 200        | 403   | 403
        "POST $C/{id}/reopen (own)"                | 200   | 200   | 200        | 200   | 403
        "POST $C/{id}/reopen (another agent's)"    | 200   | 200   | 200        | 403   | 403
        "PUT $C/{id}/tags"                         | 200   | 200   | 200        | 200   | 403
    }

    def 'docs/permissions.md lists exactly the endpoints walked here'() {
        expect:
        documented().keySet() == endpoints.keySet()
    }

    def 'the walk covers every route of the agent-facing conversations API'() {
        given:
        def walked = endpoints.keySet().collect { it.replaceAll(/ \(.*\)$/, '').replace('{id}', '{conversationId}') }

        when:
        def routes = api.context.getBean(Router).uriRoutes()
                .map { "${it.httpMethodName} ${it.uriMatchTemplate.toPathString()}".toString() }
                .filter { it.contains(' /v1/inbox/{websiteId}/conversations') && !it.startsWith('HEAD ') }
                .toList()

        then:
        routes.toSet() == walked.toSet()
    }

    def '#endpoint does not find another website’s conversation'() {
        given:
        def theirs = api.waitingConversation(site)
        def before = api.state(site, elsewhere)
        def (method, path, body) = endpoints[endpoint].request.call([base: "/v1/inbox/$elsewhere.id/conversations",
                                                                     path: "/v1/inbox/$elsewhere.id/conversations/$theirs.id"], elsewhere.owner.id) + [null]

        when:
        def reply = api.call(method as String, path as String, elsewhere.owner.token, body)

        then:
        reply.status == 404
        reply.body.error == 'not_found'
        reply.body.message == 'Conversation not found'
        api.state(site, elsewhere) == before

        where:
        endpoint << endpoints.keySet().findAll { it.contains('{id}') }
    }

    /** The "Conversation endpoints" table of docs/permissions.md: per endpoint, whether each role may (✓) or not (✗). */
    private static Map<String, List<Boolean>> documented() {
        new File('../../docs/permissions.md').readLines()
                .findAll { it.startsWith('| `') && it.contains('/v1/inbox/{websiteId}/conversations') }
                .collectEntries { line ->
                    def cells = line.split(/\|/)*.trim().findAll { it }
                    [(cells[0].replace('`', '')): cells[-5..-1].collect { it == '✓' }]
                }
    }

    private int statusFor(String endpoint, String caller) {
        Map definition = endpoints[endpoint]
        String me = caller in ROLES ? team[caller].id : elsewhere.owner.id
        def conversation = prepared(definition.state as String, me)
        def ids = [base: "/v1/inbox/$site.id/conversations", path: "/v1/inbox/$site.id/conversations/$conversation"]
        def (method, path, body) = definition.request.call(ids, me) + [null]
        api.call(method as String, path as String, token(caller), body).status
    }

    private UUID prepared(String state, String me) {
        def conversation = api.waitingConversation(site).id
        switch (state) {
            case 'own': api.assignDirectly(conversation, me); break
            case 'theirs': api.assignDirectly(conversation, someone.id); break
            case 'own closed': api.assignDirectly(conversation, me); api.closeDirectly(conversation); break
            case 'theirs closed': api.assignDirectly(conversation, someone.id); api.closeDirectly(conversation); break
        }
        conversation
    }

    private String token(String caller) {
        def owner = team.owner
        def claims = [token_use: 'access', email: owner.email, name: owner.name] as Map<String, Object>
        switch (caller) {
            case 'no token': return null
            case 'expired': return api.identity.expiredToken(owner.id, claims)
            case 'tampered': return api.identity.tamperedToken('someone-else', claims, owner.id)
            case 'unknown key': return api.identity.foreignKeyToken(owner.id, claims)
            case 'another website': return elsewhere.owner.token
            default: return team[caller].token
        }
    }
}
