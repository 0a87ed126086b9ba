package dev.zendo.conversations.audit

import dev.zendo.conversations.ConversationsApi
import spock.lang.Shared
import spock.lang.Specification

import static dev.zendo.conversations.ConversationsApi.expect

/** Owners and admins read their website's audit log, newest first, a page at a time; nobody else, and no other website's. */
class AuditLogApiSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    def 'an owner reads the entries newest first, a page at a time, and never another website’s'() {
        given:
        def site = api.site()
        def other = api.site()
        3.times { expect(200, api.call('GET', '/v1/server/conversations', site.secretKey)) }
        expect(200, api.call('GET', '/v1/server/conversations', other.secretKey))
        def ids = api.sql('SELECT id FROM audit_log WHERE website_id = ? ORDER BY id DESC', [site.id])*.id

        when:
        def first = expect(200, api.call('GET', "/v1/inbox/$site.id/audit?limit=2", site.owner.token))
        def rest = expect(200, api.call('GET', "/v1/inbox/$site.id/audit?limit=2&cursor=$first.next_cursor", site.owner.token))

        then:
        first.entries*.id == ids.take(2)
        rest.entries*.id == ids.drop(2)
        rest.next_cursor == null
        first.entries.every { it.actor_kind == 'server_key' && it.action == 'server.conversations.listed' && it.detail.count == 0 }
    }

    def 'a #role #outcome'() {
        given:
        def site = api.site()
        def agent = role == 'non-member' ? api.agent() : api.member(site, role)

        expect:
        api.call('GET', "/v1/inbox/$site.id/audit", agent.token).status == status

        where:
        role         | status | outcome
        'ADMIN'      | 200    | 'reads the audit log'
        'SUPERVISOR' | 403    | 'may not read the audit log'
        'AGENT'      | 403    | 'may not read the audit log'
        'VIEWER'     | 403    | 'may not read the audit log'
        'non-member' | 404    | 'does not know the website'
    }

    def 'a #problem is refused with 400'() {
        given:
        def site = api.site()

        expect:
        api.call('GET', "/v1/inbox/$site.id/audit?$query", site.owner.token).status == 400

        where:
        problem            | query
        'cursor of text'   | 'cursor=abc'
        'cursor of 0'      | 'cursor=0'
        'limit of 0'       | 'limit=0'
        'limit over 200'   | 'limit=201'
    }

    def 'a call without an access token, or with a secret key, is refused with 401'() {
        given:
        def site = api.site()

        expect:
        api.call('GET', "/v1/inbox/$site.id/audit", null).status == 401
        api.call('GET', "/v1/inbox/$site.id/audit", site.secretKey).status == 401
    }
}
