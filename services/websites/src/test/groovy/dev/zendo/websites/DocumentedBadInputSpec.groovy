package dev.zendo.websites

import dev.zendo.testsupport.badinput.OpenApiBadInputSpec
import spock.lang.Shared

/** The generic bad-input probe over every operation of websites' served OpenAPI document, as the owner of a website. */
class DocumentedBadInputSpec extends OpenApiBadInputSpec {

    @Shared
    WebsitesApi api = WebsitesApi.get()

    @Shared
    WebsitesApi.FurnishedWebsite furnished = api.furnishedWebsite()

    @Shared
    WebsitesApi.Agent owner = furnished.owner

    @Shared
    Map website = furnished.website

    @Shared
    Map group = furnished.group

    @Shared
    Map canned = furnished.canned

    @Shared
    Map invitation = WebsitesApi.expect(201, api.call('POST', "/v1/websites/$website.id/invitations", owner.token, [email: 'ada@example.com', role: 'agent']))

    @Shared
    Map key = api.sql('SELECT id FROM api_keys WHERE website_id = ?::uuid LIMIT 1', [website.id])[0]

    @Override
    URL server() {
        api.server.URL
    }

    @Override
    String service() {
        'websites'
    }

    @Override
    Map<String, String> headers() {
        [Authorization: "Bearer $owner.token".toString()]
    }

    @Override
    Map<String, String> pathValues() {
        [websiteId: website.id, groupId: group.id, cannedResponseId: canned.id, invitationId: invitation.id,
         keyId: key.id.toString(), agentId: owner.id] as Map<String, String>
    }

    @Override
    Object state() {
        ['websites', 'members', 'invitations', 'agent_groups', 'group_members', 'canned_responses', 'api_keys'].collect {
            api.sql("SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) AS rows FROM $it t".toString())
        } + api.sql('SELECT string_agg(event_id::text, \',\' ORDER BY id) AS events FROM outbox')
    }
}
