package dev.zendo.conversations.visitor

import dev.zendo.conversations.ConversationsApi
import dev.zendo.conversations.WorkspaceSeed
import spock.lang.Shared
import spock.lang.Specification

import java.time.Instant

import static dev.zendo.conversations.ConversationsApi.expect

/** A visitor's profile for agents: details, claims, attributes, latest page views and past threads with ratings. */
class VisitorProfileSpec extends Specification {

    @Shared
    ConversationsApi api = ConversationsApi.get()

    @Shared
    WorkspaceSeed seed = new WorkspaceSeed(api)

    ConversationsApi.Site site = api.site()

    def 'the profile shows details, unverified claims, attributes, the latest 50 page views and past threads'() {
        given:
        def agent = api.member(site, 'AGENT')
        def visitor = seed.visitor(site, [name: 'Ada', email: 'ada@example.com', phone: '+351 912 345 678', claimedId: 'u-77',
                                          claimedEmail: 'ada@claimed.example', attributes: '{"plan":"pro","seats":3}',
                                          userAgent: 'Mozilla/5.0', clientIp: '203.0.113.9', locale: 'pt-PT', label: 'Quiet Lynx 3'])
        def base = Instant.parse('2026-01-01T00:00:00Z')
        (1..55).each {
            api.sql('INSERT INTO page_views (visitor_id, website_id, url, title, viewed_at) VALUES (?, ?, ?, ?, ?)',
                    [visitor, site.id, "https://shop.example/p/$it".toString(), "Page $it".toString(), base.plusSeconds(it)])
        }
        def conversation = seed.conversation(site, visitor, 'ACTIVE', agent.id, base.plusSeconds(7200))
        UUID past = UUID.randomUUID()
        seed.thread(conversation, past, 'RESOLVED', agent.id, base, [at: base.plusSeconds(600), byKind: 'AGENT', byId: agent.id,
                                                                     reason: 'answered', rating: 5, comment: 'Great help'])

        when:
        def profile = expect(200, api.call('GET', "/v1/inbox/$site.id/visitors/$visitor", agent.token))

        then:
        profile.id == visitor.toString()
        profile.label == 'Quiet Lynx 3'
        profile.name == 'Ada'
        profile.email == 'ada@example.com'
        profile.phone == '+351 912 345 678'
        !profile.verified
        profile.user_id == null
        profile.claims == [user_id: 'u-77', email: 'ada@claimed.example']
        profile.attributes == [plan: 'pro', seats: 3]
        profile.user_agent == 'Mozilla/5.0'
        profile.client_ip == '203.0.113.9'
        profile.locale == 'pt-PT'
        profile.conversation_id == conversation.id.toString()

        and:
        profile.page_views.size() == 50
        profile.page_views[0].url == 'https://shop.example/p/55'
        profile.page_views[-1].url == 'https://shop.example/p/6'

        and:
        profile.threads*.id == [conversation.threadId, past]*.toString()
        profile.threads[0].status == 'active'
        profile.threads[0].agent_name == agent.name
        with(profile.threads[1]) {
            status == 'resolved'
            closed_by_kind == 'agent'
            closed_by_id == agent.id
            close_reason == 'answered'
            rating == 5
            rating_comment == 'Great help'
        }
    }

    def 'a verified visitor shows its user id; the id of a visitor merged into it answers the canonical profile'() {
        given:
        def canonical = seed.visitor(site, [externalId: 'user-1', email: 'v@example.com'])
        def merged = seed.visitor(site)
        api.sql('UPDATE visitors SET merged_into = ? WHERE id = ?', [canonical, merged])

        when:
        def profile = expect(200, api.call('GET', "/v1/inbox/$site.id/visitors/$merged", site.owner.token))

        then:
        profile.id == canonical.toString()
        profile.verified
        profile.user_id == 'user-1'
        profile.claims == null
        profile.page_views == []
        profile.threads == []
    }

    def 'another website\'s visitor, or an unknown one, is not found'() {
        given:
        def other = api.site()
        def foreign = seed.visitor(other)

        expect:
        api.call('GET', "/v1/inbox/$site.id/visitors/$foreign", site.owner.token).status == 404
        api.call('GET', "/v1/inbox/$site.id/visitors/${UUID.randomUUID()}", site.owner.token).status == 404
        api.call('GET', "/v1/inbox/$site.id/visitors/not-a-uuid", site.owner.token).status == 400
    }
}
