package dev.zendo.websites

import dev.zendo.testsupport.EventLoopBlocking
import dev.zendo.testsupport.TestInfra
import spock.lang.Shared
import spock.lang.Specification

import static dev.zendo.websites.WebsitesApi.expect

/**
 * No request does its blocking work (JDBC, Redis, Kafka) on a Netty event loop: BlockHound watches the event-loop
 * threads while every kind of endpoint is driven, with no executor named by any controller.
 */
class EventLoopSpec extends Specification {

    @Shared
    WebsitesApi api = WebsitesApi.get()

    def setupSpec() {
        EventLoopBlocking.install()
    }

    def 'every endpoint runs its blocking work off the event loop'() {
        given:
        def owner = api.agent()
        def invitee = api.agent()
        EventLoopBlocking.clear()

        when:
        def website = api.createWebsite(owner)
        def w = "/v1/websites/$website.id"
        expect(200, api.call('GET', '/v1/websites', owner.token))
        expect(200, api.call('GET', w, owner.token))
        expect(200, api.call('PATCH', w, owner.token, [name: 'Renamed']))
        def group = expect(201, api.call('POST', "$w/groups", owner.token, [name: TestInfra.uniqueName('g')]))
        expect(200, api.call('GET', "$w/groups/$group.id", owner.token))
        def canned = expect(201, api.call('POST', "$w/canned-responses", owner.token, [shortcut: TestInfra.uniqueName('c'), text: 'Hello']))
        expect(200, api.call('GET', "$w/canned-responses/$canned.id", owner.token))
        def invitation = expect(201, api.call('POST', "$w/invitations", owner.token, [email: invitee.email, role: 'agent']))
        expect(200, api.call('POST', '/v1/invitations/accept', invitee.token, [token: invitation.token]))
        expect(200, api.call('GET', "$w/members", owner.token))
        expect(200, api.call('GET', "$w/keys", owner.token))
        expect(201, api.call('POST', '/v1/realtime/tickets', owner.token))
        expect(200, api.call('GET', '/v1/realtime/jwks.json', null))
        expect(204, api.call('DELETE', w, owner.token))
        expect(200, api.call('POST', "$w/restore", owner.token))
        expect(200, api.call('GET', '/health/liveness', null))

        then:
        EventLoopBlocking.calls() == []
    }
}
