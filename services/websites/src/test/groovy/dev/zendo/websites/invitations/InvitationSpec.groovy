package dev.zendo.websites.invitations

import dev.zendo.websites.WebsitesApi
import spock.lang.Shared
import spock.lang.Specification

import java.security.MessageDigest
import java.sql.Timestamp
import java.time.Duration
import java.time.Instant

/** Invitations by email and role: a hashed token with an expiry, accepted by the agent signed in with that email. */
class InvitationSpec extends Specification {

    @Shared
    WebsitesApi api = WebsitesApi.get()

    WebsitesApi.Agent owner = api.agent()
    Map website = api.createWebsite(owner)

    def 'an invitation is pending for seven days, its token shown once and stored only hashed'() {
        given:
        def invitee = api.agent()

        when:
        def invitation = invite(invitee.email.toUpperCase(), 'supervisor')

        then:
        invitation.email == invitee.email
        invitation.role == 'supervisor'
        invitation.invited_by == owner.id
        invitation.token.startsWith('inv_')
        Duration.between(Instant.parse(invitation.created_at), Instant.parse(invitation.expires_at)) == Duration.ofDays(7)
        pending()*.id == [invitation.id]
        pending()[0].token == null
        api.sql('SELECT token_hash FROM invitations WHERE id = ?::uuid', [invitation.id])[0].token_hash ==
                MessageDigest.getInstance('SHA-256').digest(invitation.token.getBytes('UTF-8'))
    }

    def 'the invited agent accepts with any case of its email and joins with the role'() {
        given:
        def invitee = api.agent()
        def invitation = invite(invitee.email, 'agent')
        def sameAgentOtherCase = api.agent(invitee.id, invitee.email.toUpperCase())

        when:
        def accepted = api.call('POST', '/v1/invitations/accept', sameAgentOtherCase.token, [token: invitation.token])

        then:
        accepted.status == 200
        accepted.body == [website_id: website.id, website_name: website.name, role: 'agent']
        api.call('GET', "/v1/websites/$website.id", invitee.token).body.role == 'agent'
        pending() == []

        and: 'the invitation cannot be used twice'
        api.call('POST', '/v1/invitations/accept', invitee.token, [token: invitation.token]).status == 404
    }

    def 'an agent signed in with another email cannot accept it'() {
        given:
        def invitation = invite('someone@example.com', 'admin')
        def intruder = api.agent()

        when:
        def reply = api.call('POST', '/v1/invitations/accept', intruder.token, [token: invitation.token])

        then:
        reply.status == 403
        api.call('GET', "/v1/websites/$website.id", intruder.token).status == 404
        pending()*.id == [invitation.id]
    }

    def 'an agent whose token says its email is #state cannot accept, even with the invited email, until it is verified'() {
        given:
        def invitee = api.agent()
        def invitation = invite(invitee.email, 'agent')
        def unverified = api.identity.token(invitee.id, invitee.claims() + [email_verified: claim])

        when:
        def refused = api.call('POST', '/v1/invitations/accept', unverified, [token: invitation.token])

        then:
        refused.status == 403
        refused.body.error == 'email_unverified'
        refused.body.message.contains('Verify your email address')
        api.call('GET', "/v1/websites/$website.id", invitee.token).status == 404
        pending()*.id == [invitation.id]

        and: 'the same agent, verified, accepts it'
        api.call('POST', '/v1/invitations/accept', invitee.token, [token: invitation.token]).status == 200

        where:
        state                 | claim
        'unverified'          | false
        'not known (no claim)' | null
    }

    def 'an unverified agent with another email is told to verify first'() {
        given:
        def invitation = invite('someone-else@example.com', 'agent')
        def intruder = api.agent()

        expect:
        api.call('POST', '/v1/invitations/accept', api.identity.unverifiedToken(intruder.id, intruder.claims()), [token: invitation.token])
                .body.error == 'email_unverified'
    }

    def 'an expired invitation is gone, a revoked or unknown one not found'() {
        given:
        def invitee = api.agent()
        def expired = invite(invitee.email, 'agent')
        api.sql('UPDATE invitations SET expires_at = ? WHERE id = ?::uuid', [Timestamp.from(Instant.now().minusSeconds(1)), expired.id])
        def other = api.agent()
        def revoked = invite(other.email, 'agent')

        expect:
        pending()*.id == [revoked.id]
        api.call('POST', '/v1/invitations/accept', invitee.token, [token: expired.token]).status == 410
        api.call('DELETE', "/v1/websites/$website.id/invitations/$revoked.id", owner.token).status == 204
        api.call('DELETE', "/v1/websites/$website.id/invitations/$revoked.id", owner.token).status == 404
        api.call('POST', '/v1/invitations/accept', other.token, [token: revoked.token]).status == 404
        api.call('POST', '/v1/invitations/accept', other.token, [token: 'inv_made_up']).status == 404
        pending() == []
    }

    def 'inviting an email again replaces its open invitation'() {
        given:
        def invitee = api.agent()
        def first = invite(invitee.email, 'viewer')

        when:
        def second = invite(invitee.email, 'admin')

        then:
        pending()*.id == [second.id]
        api.call('POST', '/v1/invitations/accept', invitee.token, [token: first.token]).status == 404
        api.call('POST', '/v1/invitations/accept', invitee.token, [token: second.token]).body.role == 'admin'
    }

    def 'a member cannot be invited, and an invitation to a deleted website cannot be accepted'() {
        given:
        def invitee = api.agent()
        def invitation = invite(invitee.email, 'agent')

        expect:
        api.call('POST', "/v1/websites/$website.id/invitations", owner.token, [email: owner.email, role: 'agent']).status == 409

        when:
        api.call('DELETE', "/v1/websites/$website.id", owner.token)

        then:
        api.call('POST', '/v1/invitations/accept', invitee.token, [token: invitation.token]).status == 404
    }

    private Map invite(String email, String role) {
        WebsitesApi.expect(201, api.call('POST', "/v1/websites/$website.id/invitations", owner.token, [email: email, role: role])) as Map
    }

    private List pending() {
        WebsitesApi.expect(200, api.call('GET', "/v1/websites/$website.id/invitations", owner.token)) as List
    }
}
