package dev.zendo.websites

import dev.zendo.testsupport.ServiceApi
import dev.zendo.testsupport.TestInfra

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.INVITATION_SEAL_KEY
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS
import static dev.zendo.testsupport.TestInfra.Need.SIGNING_KEYS

/** The websites service shared by the API specs of this JVM ({@link ServiceApi}), and helpers to furnish websites through its API. */
class WebsitesApi extends ServiceApi {

    private static WebsitesApi instance

    private WebsitesApi() {
        super('websites', [DATABASE, KAFKA, REDIS, SIGNING_KEYS, INVITATION_SEAL_KEY])
    }

    /** The shared service, started on first use. */
    static synchronized WebsitesApi get() {
        if (instance == null) {
            instance = new WebsitesApi()
        }
        instance
    }

    /** A valid access token of a (new, unless named) agent. */
    Agent agent(String id = TestInfra.uniqueName('agent'), String email = null) {
        def agent = new Agent(id: id, email: email ?: "${id}@example.com".toString(), name: "Agent ${id}".toString())
        agent.token = identity.token(id, agent.claims())
        agent
    }

    /** Creates a website owned by {@code owner}; fails the spec when that does not answer 201. */
    Map createWebsite(Agent owner, Map body = [:]) {
        expect(201, call('POST', '/v1/websites', owner.token, [name: TestInfra.uniqueName('site')] + body))
    }

    /** A fresh owner with a website on shop.example that has one group and one canned response. */
    FurnishedWebsite furnishedWebsite() {
        Agent owner = agent()
        Map website = createWebsite(owner, [domains: ['shop.example']])
        new FurnishedWebsite(owner: owner, website: website,
                group: expect(201, call('POST', "/v1/websites/$website.id/groups", owner.token, [name: 'Sales'])),
                canned: expect(201, call('POST', "/v1/websites/$website.id/canned-responses", owner.token, [shortcut: 'hi', text: 'Hello'])))
    }

    /** Makes {@code agent} a member of the website in {@code role}, through an invitation by {@code inviter}. */
    Map join(Agent inviter, String websiteId, Agent agent, String role) {
        Map invitation = expect(201, call('POST', "/v1/websites/$websiteId/invitations", inviter.token, [email: agent.email, role: role]))
        expect(200, call('POST', '/v1/invitations/accept', agent.token, [token: invitation.token]))
    }

    /** An agent as identity's tokens describe it. */
    static class Agent {
        String id
        String email
        String name
        String token

        Map<String, Object> claims() {
            [token_use: 'access', email: email, name: name]
        }
    }

    /** What {@link #furnishedWebsite} made. */
    static class FurnishedWebsite {
        Agent owner
        Map website
        Map group
        Map canned
    }
}
