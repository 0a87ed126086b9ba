package dev.zendo.identity

import dev.zendo.auth.seal.Opener
import dev.zendo.events.v1.Audience
import dev.zendo.events.v1.Envelope
import dev.zendo.identity.accountmail.ExpiredSecretsJanitor
import dev.zendo.identity.accountmail.NotificationsSealer
import dev.zendo.testsupport.SteppingClock
import dev.zendo.testsupport.TestSealKeys
import io.micronaut.http.HttpRequest

import java.nio.charset.StandardCharsets
import java.security.MessageDigest
import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CyclicBarrier
import java.util.concurrent.Executors

import static dev.zendo.events.v1.Envelope.PayloadCase.AGENT_REGISTERED
import static dev.zendo.events.v1.Envelope.PayloadCase.AGENT_UPDATED
import static dev.zendo.events.v1.Envelope.PayloadCase.EMAIL_VERIFICATION_REQUESTED

/**
 * A new or changed email is unverified until the link mailed to it is used: identity writes the link's token only
 * as a hash, and sealed for notifications into the event written with the change; the token works once, before it
 * expires, for the email it was sent to.
 */
class EmailVerificationSpec extends IdentitySpecification {

    static final int RESENDS = 3

    Map<String, Object> settings() {
        ['spec.clock'                                        : 'stepping',
         'zendo.rate-limits.email-verification-agent.capacity': RESENDS,
         'zendo.rate-limits.email-verification-agent.period'  : '1h']
    }

    SteppingClock getClock() {
        context.getBean(Clock) as SteppingClock
    }

    def 'sign-up leaves the email unverified and writes, with the agent, an event whose sealed token verifies it'() {
        when:
        def response = send(post('/v1/auth/signup', [email: uniqueEmail(), password: PASSWORD, name: 'Ada Lovelace'])
                .header('Accept-Language', 'de-CH, de;q=0.9, en;q=0.5'))
        def agent = response.body.agent

        then:
        response.status == 201
        agent.email_verified == false
        claims(response.body.access_token).email_verified == false
        me(response.body.access_token).body.email_verified == false

        and: 'the registration and the request are written together'
        def events = outboxEvents(agent.id)
        events*.payloadCase == [AGENT_REGISTERED, EMAIL_VERIFICATION_REQUESTED]
        !events[0].agentRegistered.emailVerified
        events[1].audience == Audience.AUDIENCE_SERVICES
        events[1].actor.id == agent.id
        with(events[1].emailVerificationRequested) {
            agentId == agent.id
            email == agent.email
            name == 'Ada Lovelace'
            verifyPathTemplate == '/verify-email#token={token}'
            language == 'de'
            Duration.between(clock.instant(), Instant.ofEpochSecond(expiresAt.seconds, expiresAt.nanos)) == Duration.ofHours(24)
        }

        when:
        def token = tokenOf(events[1])
        def confirmed = confirm(token)

        then:
        confirmed.status == 200
        confirmed.body == agent + [email_verified: true]
        me(response.body.access_token).body.email_verified == true
        claims(refresh(response.body.refresh_token).body.access_token).email_verified == true

        and: 'other services learn it'
        with(outboxEvents(agent.id).last()) {
            payloadCase == AGENT_UPDATED
            agentUpdated.emailVerified
            agentUpdated.email == agent.email
        }
    }

    def 'the token is never stored, published or logged in clear'() {
        given:
        def logs = captureLogs()

        when:
        def agent = signup().agent
        def event = outboxEvents(agent.id).find { it.payloadCase == EMAIL_VERIFICATION_REQUESTED }
        def token = tokenOf(event)
        confirm('x' + token.substring(1))
        confirm(token)
        confirm(token)
        def logged = release(logs)

        then:
        token ==~ /[A-Za-z0-9_-]{43}/
        !new String(event.toByteArray(), StandardCharsets.ISO_8859_1).contains(token)
        !logged.contains(token)
        query('SELECT count(*) FROM email_verification WHERE token_hash = ?', token) == 0
        query("SELECT count(*) FROM email_verification WHERE agent_id = ?::uuid", agent.id) == 0

        cleanup:
        logs.stop()
    }

    def 'only the SHA-256 of an open token is stored'() {
        when:
        def agent = signup().agent
        def token = tokenOf(outboxEvents(agent.id).find { it.payloadCase == EMAIL_VERIFICATION_REQUESTED })

        then:
        query('SELECT token_hash FROM email_verification WHERE agent_id = ?::uuid', agent.id) ==
                Base64.urlEncoder.withoutPadding().encodeToString(MessageDigest.getInstance('SHA-256').digest(token.getBytes(StandardCharsets.UTF_8)))
    }

    def 'a sealed token opened with another context info, or tampered with, opens to nothing'() {
        given:
        def agent = signup().agent
        def sealed = outboxEvents(agent.id).find { it.payloadCase == EMAIL_VERIFICATION_REQUESTED }.emailVerificationRequested.sealedToken

        expect:
        !Opener.of(TestSealKeys.privateKeyset()).open(sealed.toByteArray(), NotificationsSealer.RESET_TOKEN.getBytes(StandardCharsets.UTF_8)).present
        !Opener.of(TestSealKeys.privateKeyset()).open(tampered(sealed.toByteArray()), NotificationsSealer.VERIFICATION_TOKEN.getBytes(StandardCharsets.UTF_8)).present
    }

    def '#clients confirmations of one token at once: exactly one verifies, the others find no token'() {
        given:
        def agent = signup().agent
        def token = tokenOf(outboxEvents(agent.id).find { it.payloadCase == EMAIL_VERIFICATION_REQUESTED })
        def barrier = new CyclicBarrier(clients)
        def pool = Executors.newFixedThreadPool(clients)

        when:
        def answers = pool.invokeAll((1..clients).collect { { -> barrier.await(); confirm(token) } as Callable<Map> })*.get()

        then:
        answers.count { it.status == 200 } == 1
        answers.findAll { it.status != 200 }*.status == [404] * (clients - 1)
        answers.findAll { it.status == 404 }.every { it.body.error == 'token_not_found' }
        outboxEvents(agent.id).count { it.payloadCase == AGENT_UPDATED } == 1

        cleanup:
        pool.shutdown()

        where:
        clients << [2, 8]
    }

    def 'a link past its 24 hours answers 410 and verifies nothing; the janitor then deletes it'() {
        given:
        def session = signup()
        def token = tokenOf(outboxEvents(session.agent.id).find { it.payloadCase == EMAIL_VERIFICATION_REQUESTED })

        when:
        advanceClock(Duration.ofHours(24))
        def expired = confirm(token)

        then:
        expired.status == 410
        expired.body.error == 'token_expired'
        me(session.access_token).body.email_verified == false

        when:
        advanceClock(Duration.ofMillis(1))
        context.getBean(ExpiredSecretsJanitor).deleteExpired()

        then:
        query('SELECT count(*) FROM email_verification WHERE agent_id = ?::uuid', session.agent.id) == 0
        confirm(token).status == 404
    }

    def 'a link just before its expiry still works'() {
        given:
        def agent = signup().agent
        def token = tokenOf(outboxEvents(agent.id).find { it.payloadCase == EMAIL_VERIFICATION_REQUESTED })

        when:
        advanceClock(Duration.ofHours(24).minusMillis(1))

        then:
        confirm(token).status == 200
    }

    def 'changing the email makes it unverified and sends a link for the new one; the old link verifies nothing'() {
        given:
        def session = signup()
        def first = tokenOf(outboxEvents(session.agent.id).find { it.payloadCase == EMAIL_VERIFICATION_REQUESTED })
        assert confirm(first).body.email_verified
        def other = signup()
        def stale = tokenOf(outboxEvents(other.agent.id).find { it.payloadCase == EMAIL_VERIFICATION_REQUESTED })
        def email = uniqueEmail()

        when:
        def changed = send(patch('/v1/agents/me', [email: email]).bearerAuth(session.access_token).header('Accept-Language', 'es'))
        send(patch('/v1/agents/me', [email: uniqueEmail()]).bearerAuth(other.access_token))

        then:
        changed.body.email_verified == false
        def events = outboxEvents(session.agent.id)
        events[-2].payloadCase == AGENT_UPDATED
        !events[-2].agentUpdated.emailVerified
        events[-1].emailVerificationRequested.email == email
        events[-1].emailVerificationRequested.language == 'es'

        and: 'the link sent to the old email is not found, the new one verifies the new email'
        confirm(stale).status == 404
        confirm(tokenOf(events[-1])).body == changed.body + [email_verified: true]
    }

    def 'a name change keeps the email verified and sends nothing'() {
        given:
        def session = signup()
        confirm(tokenOf(outboxEvents(session.agent.id).find { it.payloadCase == EMAIL_VERIFICATION_REQUESTED }))

        when:
        def changed = send(patch('/v1/agents/me', [name: 'Grace']).bearerAuth(session.access_token))

        then:
        changed.body.email_verified == true
        outboxEvents(session.agent.id).count { it.payloadCase == EMAIL_VERIFICATION_REQUESTED } == 1
    }

    def 'asking for a new link replaces the open one'() {
        given:
        def session = signup()
        def first = tokenOf(outboxEvents(session.agent.id).find { it.payloadCase == EMAIL_VERIFICATION_REQUESTED })

        when:
        def resent = resend(session.access_token)

        then:
        resent.status == 202
        resent.body == [email: session.agent.email]
        def requests = outboxEvents(session.agent.id).findAll { it.payloadCase == EMAIL_VERIFICATION_REQUESTED }
        requests.size() == 2
        confirm(first).status == 404
        confirm(tokenOf(requests[1])).status == 200
    }

    def 'a verified email gets 409 email_already_verified and no link'() {
        given:
        def session = signup()
        confirm(tokenOf(outboxEvents(session.agent.id).find { it.payloadCase == EMAIL_VERIFICATION_REQUESTED }))

        when:
        def response = resend(session.access_token)

        then:
        response.status == 409
        response.body.error == 'email_already_verified'
        outboxEvents(session.agent.id).count { it.payloadCase == EMAIL_VERIFICATION_REQUESTED } == 1
    }

    def 'an agent asking too often is refused with 429 and Retry-After until the hour is over'() {
        given:
        def session = signup()
        def other = signup()
        RESENDS.times { assert resend(session.access_token).status == 202 }

        when:
        def refused = resend(session.access_token)

        then:
        refused.status == 429
        refused.body.error == 'too_many_requests'
        (refused.headers.get('Retry-After') as int) in 1..3600
        resend(other.access_token).status == 202
        outboxEvents(session.agent.id).count { it.payloadCase == EMAIL_VERIFICATION_REQUESTED } == RESENDS + 1
    }

    def 'a disabled agent cannot verify with a link it had'() {
        given:
        def session = signup()
        def token = tokenOf(outboxEvents(session.agent.id).find { it.payloadCase == EMAIL_VERIFICATION_REQUESTED })
        assert send(delete('/v1/agents/me', [password: PASSWORD]).bearerAuth(session.access_token)).status == 204

        expect:
        confirm(token).status == 404
    }

    def 'an unknown token answers 404 token_not_found: #kind'() {
        when:
        def response = confirm(token)

        then:
        response.status == 404
        response.body == [status: 404, error: 'token_not_found', message: 'This link is not valid (any more): ask for a new one.']

        where:
        kind                     | token
        'random'                 | 'A' * 43
        'one character'          | 'x'
        'a refresh-token shape'  | UUID.randomUUID().toString()
    }

    def 'the mail is in the best match of Accept-Language #header: #language'() {
        when:
        def request = post('/v1/auth/signup', [email: uniqueEmail(), password: PASSWORD, name: 'Ada'])
        if (header != null) {
            request.header('Accept-Language', header)
        }
        def agent = send(request).body.agent

        then:
        outboxEvents(agent.id).find { it.payloadCase == EMAIL_VERIFICATION_REQUESTED }.emailVerificationRequested.language == language

        where:
        header                     || language
        null                       || 'en'
        'es'                       || 'es'
        'es-MX'                    || 'es'
        'DE'                       || 'de'
        'fr-FR, de;q=0.8, en;q=0.5' || 'de'
        'fr'                       || 'en'
        '*'                        || 'en'
        ';;;not a header'          || 'en'
    }

    private Map confirm(String token) {
        send(post('/v1/auth/email-verification/confirm', [token: token]))
    }

    private Map resend(String accessToken) {
        send(HttpRequest.POST('/v1/auth/email-verification', '').bearerAuth(accessToken))
    }

    private static byte[] tampered(byte[] sealed) {
        def copy = sealed.clone()
        copy[copy.length - 1] = (byte) (copy[copy.length - 1] ^ 1)
        copy
    }

    private static String tokenOf(Envelope event) {
        opened(event.emailVerificationRequested.sealedToken, NotificationsSealer.VERIFICATION_TOKEN)
    }
}
