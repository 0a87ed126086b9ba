package dev.zendo.identity

import dev.zendo.identity.token.RefreshTokenJanitor

import java.security.MessageDigest
import java.util.concurrent.Callable
import java.util.concurrent.CyclicBarrier
import java.util.concurrent.Executors

/**
 * Refresh tokens rotate on every use, and a token used twice revokes its whole session, unless it is a client's
 * retry within the reuse grace, before the successor it lost was used.
 */
class RefreshTokenSpec extends IdentitySpecification {

    def 'a refresh token is exchanged for a new pair, and the new refresh token is different'() {
        given:
        def first = signup()

        when:
        def response = refresh(first.refresh_token)

        then:
        response.status == 200
        response.body.refresh_token != first.refresh_token
        response.body.agent == first.agent
        me(response.body.access_token).status == 200
        refresh(response.body.refresh_token).status == 200
    }

    def 'only a hash of the refresh token is stored'() {
        when:
        def body = signup()

        then:
        query('SELECT count(*) FROM refresh_token WHERE token_hash = ?', body.refresh_token) == 0
        query('SELECT count(*) FROM refresh_token t JOIN agent a ON a.id = t.agent_id WHERE a.email = ?', body.agent.email) == 1
    }

    def "presenting a rotated token again after the reuse grace revokes its family: the legitimate holder's newer token stops working too"() {
        given:
        def session = signup()
        def stolen = session.refresh_token
        def legitimate = refresh(stolen).body.refresh_token
        pastReuseGrace(session)

        when:
        def replay = refresh(stolen)

        then:
        replay.status == 401
        replay.body.error == 'invalid_refresh_token'
        refresh(legitimate).status == 401
    }

    def 'a reuse revokes only its own family: another session of the agent goes on'() {
        given:
        def body = signup()
        def otherSession = login(body.agent.email).body.refresh_token
        refresh(body.refresh_token)
        pastReuseGrace(body)

        when:
        refresh(body.refresh_token)

        then:
        refresh(otherSession).status == 200
    }

    def 'a retry within the reuse grace, whose answer was lost, gets a fresh pair; the lost refresh token is retired'() {
        given:
        def token = signup().refresh_token
        def lost = refresh(token).body

        when:
        def retried = refresh(token)

        then:
        retried.status == 200
        retried.body.refresh_token != lost.refresh_token
        me(retried.body.access_token).status == 200

        and: 'the family goes on from the retry, with only one usable refresh token'
        liveTokens(retried.body) == 1
        refresh(retried.body.refresh_token).status == 200
    }

    def 'a token presented again within the reuse grace after its successor was used revokes the family'() {
        given:
        def token = signup().refresh_token
        def successor = refresh(token).body.refresh_token
        def next = refresh(successor).body

        when:
        def replay = refresh(token)

        then:
        replay.status == 401
        refresh(next.refresh_token).status == 401
    }

    def 'a retried refresh token that was replaced by a later retry revokes the family when presented'() {
        given:
        def token = signup().refresh_token
        def replaced = refresh(token).body.refresh_token
        def retried = refresh(token).body.refresh_token

        when:
        def response = refresh(replaced)

        then:
        response.status == 401
        refresh(retried).status == 401
    }

    def '#clients concurrent refreshes with the same token within the reuse grace all get a pair, and exactly one refresh token stays usable'() {
        given:
        def session = signup()
        def barrier = new CyclicBarrier(clients)
        def pool = Executors.newFixedThreadPool(clients)

        when:
        def responses = pool.invokeAll((1..clients).collect {
            { -> barrier.await(); refresh(session.refresh_token) } as Callable<Map>
        })*.get()

        then:
        responses*.status == [200] * clients
        responses*.body*.refresh_token.toSet().size() == clients
        liveTokens(session) == 1
        responses.count { query('SELECT count(*) FROM refresh_token WHERE token_hash = ? AND used_at IS NULL AND revoked_at IS NULL', sha256(it.body.refresh_token)) == 1 } == 1
        query('SELECT count(*) FROM refresh_token WHERE revoked_at IS NOT NULL AND agent_id = ?::uuid', session.agent.id) == 0

        cleanup:
        pool.shutdown()

        where:
        clients << [2, 8]
    }

    def 'a #kind refresh token is refused with 401'() {
        given:
        def body = signup()
        prepare(body)

        expect:
        refresh(token(body)).status == 401

        where:
        kind      | prepare                                                                                          | token
        'unknown' | { }                                                                                              | { 'A' * 43 }
        'expired' | { update("UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE agent_id = ?::uuid", it.agent.id) } | { it.refresh_token }
        'revoked' | { update('UPDATE refresh_token SET revoked_at = now() WHERE agent_id = ?::uuid', it.agent.id) }  | { it.refresh_token }
    }

    def 'a password change revokes every session of the agent'() {
        given:
        def body = signup()
        def otherSession = login(body.agent.email).body.refresh_token

        when:
        def changed = send(post('/v1/auth/password', [current_password: PASSWORD, new_password: 'an-even-better-secret'])
                .bearerAuth(body.access_token)).body

        then:
        refresh(body.refresh_token).status == 401
        refresh(otherSession).status == 401
        refresh(changed.refresh_token).status == 200
    }

    def 'expired refresh tokens are deleted by the janitor'() {
        given:
        def body = signup()
        def live = signup()
        update("UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE agent_id = ?::uuid", body.agent.id)

        when:
        context.getBean(RefreshTokenJanitor).deleteExpired()

        then:
        query('SELECT count(*) FROM refresh_token WHERE agent_id = ?::uuid', body.agent.id) == 0
        query('SELECT count(*) FROM refresh_token WHERE agent_id = ?::uuid', live.agent.id) == 1
    }

    /** Moves every exchange of the session's family back beyond the reuse grace. */
    private void pastReuseGrace(Map session) {
        update("UPDATE refresh_token SET used_at = used_at - interval '1 hour' WHERE used_at IS NOT NULL AND agent_id = ?::uuid", session.agent.id)
    }

    /** How many refresh tokens of the agent can still be exchanged. */
    private long liveTokens(Map session) {
        query('SELECT count(*) FROM refresh_token WHERE used_at IS NULL AND revoked_at IS NULL AND agent_id = ?::uuid', session.agent.id) as long
    }

    private static String sha256(String token) {
        Base64.urlEncoder.withoutPadding().encodeToString(MessageDigest.getInstance('SHA-256').digest(token.getBytes('UTF-8')))
    }
}
