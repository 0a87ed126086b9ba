package dev.zendo.notifications.preference

import dev.zendo.events.v1.Role
import dev.zendo.notifications.NotificationsApi
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import static dev.zendo.testsupport.ServiceApi.expect

/** Each member sets their own optional mails per website; they start off (offline messages on), and nobody else reads or sets them. */
class PreferencesSpec extends Specification {

    @Shared NotificationsApi api = NotificationsApi.get()
    @Shared String owner = UUID.randomUUID().toString()
    @Shared String site = api.website(owner)

    String path(String websiteId = site) {
        "/v1/websites/$websiteId/notification-preferences"
    }

    def 'a #role starts with every optional mail off but offline messages, and sets its own'() {
        given:
        def agentId = UUID.randomUUID().toString()
        api.member(site, agentId, role)
        new PollingConditions(timeout: 20).eventually { assert api.sql('SELECT 1 FROM member WHERE agent_id = ?', [agentId]).size() == 1 }

        expect:
        expect(200, api.call('GET', path(), api.agentToken(agentId))) == [email: [new_conversation: false, assignment: false, offline_message: true]]
        expect(200, api.call('PUT', path(), api.agentToken(agentId), [email: [new_conversation: true, assignment: false, offline_message: false]])) ==
                [email: [new_conversation: true, assignment: false, offline_message: false]]
        expect(200, api.call('GET', path(), api.agentToken(agentId))) == [email: [new_conversation: true, assignment: false, offline_message: false]]
        expect(200, api.call('GET', path(), api.agentToken(owner))) == [email: [new_conversation: false, assignment: false, offline_message: true]]

        where:
        role << [Role.ROLE_ADMIN, Role.ROLE_AGENT, Role.ROLE_VIEWER]
    }

    def 'another tenant, an unknown website and a caller without a token get nothing and change nothing'() {
        given:
        def stranger = UUID.randomUUID().toString()
        def body = [email: [new_conversation: true, assignment: true, offline_message: true]]

        expect:
        api.call('GET', path(), api.agentToken(stranger)).status == 404
        api.call('PUT', path(), api.agentToken(stranger), body).status == 404
        api.call('GET', path(UUID.randomUUID().toString()), api.agentToken(owner)).status == 404
        api.call('PUT', path(), null, body).status == 401
        api.sql('SELECT count(*) AS n FROM notification_preference WHERE agent_id = ?', [stranger])[0].n == 0
    }

    def 'a body that is not the whole preferences is refused with 400 and changes nothing: #body'() {
        when:
        def reply = api.call('PUT', path(), api.agentToken(owner), body)

        then:
        reply.status == 400
        reply.body.error == 'invalid_request'
        api.sql('SELECT count(*) AS n FROM notification_preference WHERE agent_id = ?', [owner])[0].n == 0

        where:
        body << [[:], [email: [:]], [email: [new_conversation: true]], [email: [new_conversation: true, assignment: true]],
                 [email: [new_conversation: 'yes', assignment: true, offline_message: true]],
                 [email: [new_conversation: true, assignment: true, offline_message: true, missed_reply: true]], [email: null],
                 [email: [new_conversation: null, assignment: true, offline_message: true]], '[]',
                 '{"email": {"new_conversation": true, "assignment": true, "offline_message": true}} x']
    }
}
