package dev.zendo.websites.members

import dev.zendo.websites.WebsitesApi
import spock.lang.Shared
import spock.lang.Specification

/** Members: roles, chat settings, leaving, and a website that always keeps an owner. */
class MemberSpec extends Specification {

    @Shared
    WebsitesApi api = WebsitesApi.get()

    WebsitesApi.Agent founder = api.agent()
    Map website = api.createWebsite(founder)

    def 'the creator is the only member at first, known by the name and email of their token'() {
        expect:
        members()*.subMap('agent_id', 'email', 'name', 'role', 'max_concurrent_chats', 'accepting_chats') ==
                [[agent_id: founder.id, email: founder.email, name: founder.name, role: 'owner', max_concurrent_chats: 5, accepting_chats: true]]
    }

    def 'an admin changes a member role and chat settings'() {
        given:
        def admin = join('admin')
        def agent = join('agent')

        when:
        def updated = WebsitesApi.expect(200, api.call('PATCH', "/v1/websites/$website.id/members/$agent.id", admin.token,
                [role: 'supervisor', max_concurrent_chats: 8, accepting_chats: false]))

        then:
        updated.subMap('role', 'max_concurrent_chats', 'accepting_chats') == [role: 'supervisor', max_concurrent_chats: 8, accepting_chats: false]
        members().find { it.agent_id == agent.id }.role == 'supervisor'
    }

    def 'an admin can neither make an owner nor change one'() {
        given:
        def admin = join('admin')
        def agent = join('agent')

        expect:
        api.call('PATCH', "/v1/websites/$website.id/members/$agent.id", admin.token, [role: 'owner']).status == 403
        api.call('PATCH', "/v1/websites/$website.id/members/$founder.id", admin.token, [role: 'agent']).status == 403
        api.call('DELETE', "/v1/websites/$website.id/members/$founder.id", admin.token).status == 403
        members().find { it.agent_id == founder.id }.role == 'owner'
    }

    def 'the last owner can be neither demoted nor removed, nor leave'() {
        when:
        def demoted = api.call('PATCH', "/v1/websites/$website.id/members/$founder.id", founder.token, [role: 'admin'])
        def left = api.call('DELETE', "/v1/websites/$website.id/members/$founder.id", founder.token)

        then:
        [demoted, left].every { it.status == 409 && it.body.error == 'last_owner' }
        members()*.role == ['owner']
    }

    def 'ownership is transferred by making another owner, who then demotes the first'() {
        given:
        def successor = join('admin')

        when:
        WebsitesApi.expect(200, api.call('PATCH', "/v1/websites/$website.id/members/$successor.id", founder.token, [role: 'owner']))
        WebsitesApi.expect(200, api.call('PATCH', "/v1/websites/$website.id/members/$founder.id", successor.token, [role: 'admin']))

        then:
        members().collectEntries { [(it.agent_id): it.role] } == [(founder.id): 'admin', (successor.id): 'owner']

        and: 'the former owner can no longer delete the website'
        api.call('DELETE', "/v1/websites/$website.id", founder.token).status == 403
    }

    def 'a member switches their own availability but not their role or chat limit'() {
        given:
        def agent = join('agent')

        expect:
        api.call('PATCH', "/v1/websites/$website.id/members/$agent.id", agent.token, [accepting_chats: false]).body.accepting_chats == false
        api.call('PATCH', "/v1/websites/$website.id/members/$agent.id", agent.token, [role: 'admin']).status == 403
        api.call('PATCH', "/v1/websites/$website.id/members/$agent.id", agent.token, [max_concurrent_chats: 50]).status == 403
    }

    def 'a member who leaves or is removed loses access and leaves every group'() {
        given:
        def agent = join('agent')
        def group = WebsitesApi.expect(201, api.call('POST', "/v1/websites/$website.id/groups", founder.token, [name: 'Billing']))
        api.call('PUT', "/v1/websites/$website.id/groups/$group.id/members/$agent.id", founder.token)

        when:
        def left = api.call('DELETE', "/v1/websites/$website.id/members/$agent.id", agent.token)

        then:
        left.status == 204
        api.call('GET', "/v1/websites/$website.id", agent.token).status == 404
        members()*.agent_id == [founder.id]
        (api.call('GET', "/v1/websites/$website.id/groups", founder.token).body as List).every { !(agent.id in it.member_agent_ids) }
    }

    def 'changing a member who is not one is a 404'() {
        expect:
        api.call('PATCH', "/v1/websites/$website.id/members/nobody", founder.token, [role: 'agent']).status == 404
        api.call('DELETE', "/v1/websites/$website.id/members/nobody", founder.token).status == 404
    }

    private List members() {
        WebsitesApi.expect(200, api.call('GET', "/v1/websites/$website.id/members", founder.token)) as List
    }

    private WebsitesApi.Agent join(String role) {
        def agent = api.agent()
        api.join(founder, website.id, agent, role)
        agent
    }
}
