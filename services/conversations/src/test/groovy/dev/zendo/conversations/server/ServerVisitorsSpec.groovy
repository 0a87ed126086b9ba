package dev.zendo.conversations.server

import dev.zendo.events.v1.Audience
import groovy.json.JsonSlurperClassic

import static dev.zendo.conversations.ConversationsApi.expect

/** A website's backend updates its visitors' profiles with values it vouches for; agents hear of it, visitors never. */
class ServerVisitorsSpec extends ServerApiSpecification {

    def 'updates name, email, phone and attributes; agents get VisitorUpdated; the email never becomes an identity'() {
        given:
        def site = api.site()
        def chat = chat(site)

        when:
        def visitor = expect(200, api.call('PATCH', "/v1/server/visitors/$chat.visitorId", site.secretKey,
                [name: ' Ada Lovelace ', email: 'ada@example.com', phone: '+44 20 7946 0958', attributes: [plan: 'pro', seats: 12, trial: false]]))

        then:
        visitor.id == chat.visitorId.toString()
        visitor.label == 'Brave Otter 42'
        visitor.name == 'Ada Lovelace'
        visitor.email == 'ada@example.com'
        visitor.phone == '+44 20 7946 0958'
        visitor.attributes == [plan: 'pro', seats: 12, trial: false]

        and:
        def row = api.sql('SELECT name, email, external_id, claimed_email FROM visitors WHERE id = ?', [chat.visitorId])[0]
        row.name == 'Ada Lovelace'
        row.email == 'ada@example.com'
        row.external_id == null

        and:
        def event = events(site).find { it.hasVisitorUpdated() }
        event.audience == Audience.AUDIENCE_AGENTS
        event.conversationId == chat.conversationId.toString()
        event.visitorUpdated.email == 'ada@example.com'
        new JsonSlurperClassic().parseText(event.visitorUpdated.attributesJson) == [plan: 'pro', seats: 12, trial: false]

        and:
        new JsonSlurperClassic().parseText(audit(site).last().detail as String) ==
                [fields: ['name', 'email', 'phone', 'attributes.plan', 'attributes.seats', 'attributes.trial']]
    }

    def 'attributes merge into the ones the visitor has; a null removes one; other fields keep their value'() {
        given:
        def site = api.site()
        def chat = chat(site)
        expect(200, api.call('PATCH', "/v1/server/visitors/$chat.visitorId", site.secretKey, [name: 'Ada', attributes: [plan: 'pro', seats: 3]]))

        when:
        def visitor = expect(200, api.call('PATCH', "/v1/server/visitors/$chat.visitorId", site.secretKey,
                '{"attributes": {"seats": 5, "plan": null, "region": "eu"}}'))

        then:
        visitor.name == 'Ada'
        visitor.attributes == [seats: 5, region: 'eu']
    }

    def 'a visitor merged into another is gone from the server API'() {
        given:
        def site = api.site()
        def source = chat(site)
        def target = chat(site)
        api.sql('UPDATE visitors SET merged_into = ? WHERE id = ?', [target.visitorId, source.visitorId])

        expect:
        api.call('PATCH', "/v1/server/visitors/$source.visitorId", site.secretKey, [name: 'Ada']).status == 404
        api.call('PATCH', "/v1/server/visitors/$target.visitorId", site.secretKey, [name: 'Ada']).status == 200
    }
}
