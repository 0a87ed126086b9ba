package dev.zendo.identity

import dev.zendo.identity.accountmail.NotificationsSealer

import static dev.zendo.events.v1.Envelope.PayloadCase.AGENT_PASSWORD_RESET_REQUESTED
import static dev.zendo.events.v1.Envelope.PayloadCase.AGENT_SIGN_IN_CODE_REQUESTED

/**
 * An open reset link or sign-in code dies with the credentials it was sent for: a password change, a password reset
 * or an email change deletes it in the same transaction, so it is refused afterwards; a name change leaves it working.
 */
class CredentialChangeSpec extends IdentitySpecification {

    static final String NEW_PASSWORD = 'a-fresh-credential-9'

    def 'a #secret issued before a #change #outcome after it'() {
        given:
        def session = signup()
        def issued = issue(secret, session.agent)

        when:
        def email = make(change, session)

        then:
        use(secret, issued, email).status == (works ? (secret == 'reset link' ? 204 : 200) : (secret == 'reset link' ? 404 : 401))
        query("SELECT count(*) FROM ${secret == 'reset link' ? 'password_reset' : 'sign_in_code'} WHERE agent_id = ?::uuid",
                session.agent.id) == 0

        where:
        change            | secret         || works
        'password change' | 'reset link'   || false
        'password change' | 'sign-in code' || false
        'password reset'  | 'sign-in code' || false
        'email change'    | 'reset link'   || false
        'email change'    | 'sign-in code' || false
        'name change'     | 'reset link'   || true
        'name change'     | 'sign-in code' || true

        outcome = works ? 'still works' : 'is refused'
    }

    /** Asks for a reset link or a sign-in code for {@code agent} and answers the secret its sealed event carries. */
    private String issue(String secret, Map agent) {
        String agentId = agent.id
        String email = agent.email
        if (secret == 'reset link') {
            assert send(post('/v1/auth/password-reset', [email: email]).header('X-Forwarded-For', randomAddress())).status == 202
            return opened(awaitEvents(agentId, AGENT_PASSWORD_RESET_REQUESTED).last().agentPasswordResetRequested.sealedToken,
                    NotificationsSealer.RESET_TOKEN)
        }
        assert send(post('/v1/auth/sign-in-code', [email: email]).header('X-Forwarded-For', randomAddress())).status == 202
        opened(awaitEvents(agentId, AGENT_SIGN_IN_CODE_REQUESTED).last().agentSignInCodeRequested.sealedCode, NotificationsSealer.SIGN_IN_CODE)
    }

    /** Makes the change through the API and answers the agent's email after it. */
    private String make(String change, Map session) {
        String email = session.agent.email
        switch (change) {
            case 'password change':
                assert send(post('/v1/auth/password', [current_password: PASSWORD, new_password: NEW_PASSWORD])
                        .bearerAuth(session.access_token as String)).status == 200
                return email
            case 'password reset':
                def token = issue('reset link', session.agent as Map)
                assert send(post('/v1/auth/password-reset/confirm', [token: token, new_password: NEW_PASSWORD])).status == 204
                return email
            case 'email change':
                def changed = uniqueEmail()
                assert send(patch('/v1/agents/me', [email: changed]).bearerAuth(session.access_token as String)).status == 200
                return changed
            default:
                assert send(patch('/v1/agents/me', [name: 'Grace Hopper']).bearerAuth(session.access_token as String)).status == 200
                return email
        }
    }

    /** Uses the secret: a reset sets a new password (204), a code signs in (200). */
    private Map use(String secret, String issued, String email) {
        secret == 'reset link'
                ? send(post('/v1/auth/password-reset/confirm', [token: issued, new_password: 'yet-another-credential-10']))
                : send(post('/v1/auth/sign-in-code/verify', [email: email, code: issued]).header('X-Forwarded-For', randomAddress()))
    }
}
