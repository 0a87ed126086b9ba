package dev.zendo.notifications.outcome

import dev.zendo.events.v1.Role
import dev.zendo.notifications.NotificationsApi
import dev.zendo.testsupport.ServiceApi
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import static dev.zendo.notifications.NotificationsApi.invitation
import static dev.zendo.notifications.NotificationsApi.newAddress
import static dev.zendo.notifications.NotificationsApi.publish
import static dev.zendo.testsupport.ServiceApi.expect

/** A website's owners and admins read every notification decided for it, newest first; nobody else does. */
class NotificationLogSpec extends Specification {

    @Shared NotificationsApi api = NotificationsApi.get()
    @Shared String owner = UUID.randomUUID().toString()
    @Shared String site
    @Shared Map<String, String> members = [:]
    @Shared List<String> invitationEvents = []

    def setupSpec() {
        site = api.website(owner)
        [(Role.ROLE_ADMIN): 'admin', (Role.ROLE_SUPERVISOR): 'supervisor', (Role.ROLE_AGENT): 'agent', (Role.ROLE_VIEWER): 'viewer']
                .each { role, name ->
                    members[name] = UUID.randomUUID().toString()
                    api.member(site, members[name], role)
                }
        members.owner = owner
        def events = (1..5).collect { invitation(site, newAddress("log-$it"), "inv_log_$it") }
        events.each { publish(api.websitesTopic, site, it) }
        invitationEvents.addAll(events*.eventId)
        new PollingConditions(timeout: 20).eventually {
            assert api.sql("SELECT count(*) AS n FROM notification WHERE website_id = ?::uuid AND status = 'delivered'", [site])[0].n == 5
            assert api.sql('SELECT count(*) AS n FROM member WHERE website_id = ?::uuid', [site])[0].n == 5
        }
    }

    String token(String agentId) {
        api.agentToken(agentId)
    }

    ServiceApi.Reply list(String agentId, String query = '') {
        api.call('GET', "/v1/websites/$site/notifications$query", agentId == null ? null : token(agentId))
    }

    def 'the #role reads the log: #status'() {
        expect:
        list(members[role]).status == status

        where:
        role         | status
        'owner'      | 200
        'admin'      | 200
        'supervisor' | 403
        'agent'      | 403
        'viewer'     | 403
    }

    def 'another tenant, an unknown website and a caller without a token learn nothing'() {
        expect:
        list(UUID.randomUUID().toString()).status == 404
        api.call('GET', "/v1/websites/${UUID.randomUUID()}/notifications", token(owner)).status == 404
        list(null).status == 401
    }

    def 'the log lists each notification once, newest first, with what became of it'() {
        when:
        def page = expect(200, list(owner))

        then:
        page.notifications*.event_id == invitationEvents.reverse()
        page.notifications.every {
            it.kind == 'invitation' && it.channel == 'email' && it.status == 'delivered' && it.attempts == 1 &&
                    it.recipient_email.startsWith('log-') && !it.containsKey('reason') && !it.containsKey('recipient_agent_id')
        }
        page.next_cursor == null
    }

    def 'pages of #limit follow each other through next_cursor without gaps or repeats'() {
        when:
        def seen = []
        def cursor = null
        def pages = 0
        while (true) {
            def page = expect(200, list(owner, "?limit=$limit" + (cursor ? "&cursor=$cursor" : '')))
            seen.addAll(page.notifications*.event_id)
            pages++
            cursor = page.next_cursor
            if (cursor == null) {
                break
            }
        }

        then:
        seen == invitationEvents.reverse()
        pages == expectedPages

        where:
        limit | expectedPages
        1     | 5
        2     | 3
        5     | 1
        200   | 1
    }

    def 'filters by status and kind'() {
        expect:
        expect(200, list(owner, query)).notifications.size() == count

        where:
        query                       | count
        '?status=delivered'         | 5
        '?status=failed'            | 0
        '?kind=invitation'          | 5
        '?kind=invitation&status=queued' | 0
    }

    def 'a bad query is a 400 naming what is wrong: #query'() {
        when:
        def reply = list(owner, query)

        then:
        reply.status == 400
        reply.body.error == 'invalid_request'

        where:
        query << ['?limit=0', '?limit=201', '?limit=x', '?status=sent', '?kind=password_reset', '?cursor=not-a-cursor',
                  '?cursor=' + 'a' * 201]
    }
}
