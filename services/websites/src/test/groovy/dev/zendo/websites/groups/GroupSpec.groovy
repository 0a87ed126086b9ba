package dev.zendo.websites.groups

import dev.zendo.websites.WebsitesApi
import spock.lang.Shared
import spock.lang.Specification

/** Groups (departments): one default per website, a routing strategy each, and members of the website in them. */
class GroupSpec extends Specification {

    @Shared
    WebsitesApi api = WebsitesApi.get()

    WebsitesApi.Agent owner = api.agent()
    Map website = api.createWebsite(owner)

    def 'a new website has a default group holding its owner, and new members join it'() {
        given:
        def agent = api.agent()

        when:
        api.join(owner, website.id, agent, 'agent')

        then:
        groups()*.subMap('name', 'routing', 'is_default', 'member_agent_ids') ==
                [[name: 'General', routing: 'round_robin', is_default: true, member_agent_ids: [owner.id, agent.id].sort()]]
    }

    def 'a group is created, renamed, re-routed and deleted'() {
        when:
        def created = WebsitesApi.expect(201, api.call('POST', "/v1/websites/$website.id/groups", owner.token, [name: 'Billing', routing: 'least_loaded']))

        then:
        created.subMap('name', 'routing', 'is_default', 'member_agent_ids') == [name: 'Billing', routing: 'least_loaded', is_default: false, member_agent_ids: []]

        when:
        def updated = WebsitesApi.expect(200, api.call('PATCH', "/v1/websites/$website.id/groups/$created.id", owner.token, [name: 'Invoices', routing: 'sticky']))

        then:
        updated.subMap('name', 'routing') == [name: 'Invoices', routing: 'sticky']
        api.call('GET', "/v1/websites/$website.id/groups/$created.id", owner.token).body == updated

        when:
        def deleted = api.call('DELETE', "/v1/websites/$website.id/groups/$created.id", owner.token)

        then:
        deleted.status == 204
        api.call('GET', "/v1/websites/$website.id/groups/$created.id", owner.token).status == 404
        groups()*.name == ['General']
    }

    def 'making another group the default leaves exactly one default, and the default cannot be deleted'() {
        given:
        def general = groups()[0]
        def sales = WebsitesApi.expect(201, api.call('POST', "/v1/websites/$website.id/groups", owner.token, [name: 'Sales']))

        when:
        api.call('PATCH', "/v1/websites/$website.id/groups/$sales.id", owner.token, [is_default: true])

        then:
        groups().collectEntries { [(it.name): it.is_default] } == [General: false, Sales: true]
        api.call('DELETE', "/v1/websites/$website.id/groups/$sales.id", owner.token).body.error == 'default_group'
        api.call('DELETE', "/v1/websites/$website.id/groups/$general.id", owner.token).status == 204
    }

    def 'group names are unique in a website regardless of case'() {
        expect:
        api.call('POST', "/v1/websites/$website.id/groups", owner.token, [name: 'general']).status == 409
        WebsitesApi.expect(201, api.call('POST', "/v1/websites/$website.id/groups", owner.token, [name: 'Support']))
        api.call('PATCH', "/v1/websites/$website.id/groups/${groups()[0].id}", owner.token, [name: 'SUPPORT']).status == 409
    }

    def 'only members of the website can be put into its groups'() {
        given:
        def agent = api.agent()
        api.join(owner, website.id, agent, 'agent')
        def group = WebsitesApi.expect(201, api.call('POST', "/v1/websites/$website.id/groups", owner.token, [name: 'VIP']))

        expect:
        api.call('PUT', "/v1/websites/$website.id/groups/$group.id/members/$agent.id", owner.token).body.member_agent_ids == [agent.id]
        api.call('PUT', "/v1/websites/$website.id/groups/$group.id/members/$agent.id", owner.token).body.member_agent_ids == [agent.id]
        api.call('PUT', "/v1/websites/$website.id/groups/$group.id/members/stranger", owner.token).status == 404
        api.call('DELETE', "/v1/websites/$website.id/groups/$group.id/members/$agent.id", owner.token).body.member_agent_ids == []
        api.call('DELETE', "/v1/websites/$website.id/groups/$group.id/members/$agent.id", owner.token).status == 404
    }

    def 'a group of another website is not found'() {
        given:
        def other = api.createWebsite(owner)
        def foreignGroup = (api.call('GET', "/v1/websites/$other.id/groups", owner.token).body as List)[0]

        expect:
        api.call('GET', "/v1/websites/$website.id/groups/$foreignGroup.id", owner.token).status == 404
        api.call('DELETE', "/v1/websites/$website.id/groups/$foreignGroup.id", owner.token).status == 404
    }

    private List groups() {
        WebsitesApi.expect(200, api.call('GET', "/v1/websites/$website.id/groups", owner.token)) as List
    }
}
