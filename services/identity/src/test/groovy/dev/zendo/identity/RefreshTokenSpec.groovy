package dev.zendo.identity

import dev.zendo.identity.token.RefreshTokenJanitor

import java.util.concurrent.Callable
import java.util.concurrent.CyclicBarrier
import java.util.concurrent.Executors

/** Refresh tokens rotate on every use, and a token used twice revokes its whole session. */
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

    def "presenting a rotated token again revokes its family: the legitimate holder's newer token stops working too"() {
        given:
        def stolen = signup().refresh_token
        def legitimate = refresh(stolen).body.refresh_token

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

        when:
        refresh(body.refresh_token)

        then:
        refresh(otherSession).status == 200
    }

    def 'two concurrent refreshes with the same token: exactly one succeeds'() {
        given:
        def token = signup().refresh_token
        def barrier = new CyclicBarrier(2)
        def pool = Executors.newFixedThreadPool(2)

        when:
        def statuses = pool.invokeAll((1..2).collect {
            { -> barrier.await(); refresh(token).status } as Callable<Integer>
        })*.get()

        then:
        statuses.sort() == [200, 401]

        cleanup:
        pool.shutdown()
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
}
