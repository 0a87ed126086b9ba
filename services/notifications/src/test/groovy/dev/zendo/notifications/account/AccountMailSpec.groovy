package dev.zendo.notifications.account

import com.google.protobuf.ByteString
import com.google.protobuf.Timestamp
import dev.zendo.events.v1.EmailVerificationRequested
import dev.zendo.events.v1.Envelope
import dev.zendo.events.v1.PasswordResetRequested
import dev.zendo.events.v1.SignInCodeRequested
import dev.zendo.notifications.NotificationsApi
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.time.Instant

import static dev.zendo.notifications.NotificationsApi.envelope
import static dev.zendo.notifications.NotificationsApi.newAddress
import static dev.zendo.notifications.NotificationsApi.publish
import static dev.zendo.notifications.NotificationsApi.seal

/** What identity asks for an agent's account reaches the agent's address once, with the opened link or code. */
class AccountMailSpec extends Specification {

    static final Timestamp EXPIRES = Timestamp.newBuilder().setSeconds(Instant.parse('2030-01-02T03:04:05Z').epochSecond).build()

    @Shared NotificationsApi api = NotificationsApi.get()
    PollingConditions within = new PollingConditions(timeout: 20, delay: 0.1)

    def 'a #kind request is mailed once to the address it names, with its #what in #language'() {
        given:
        def agentId = UUID.randomUUID().toString()
        def address = newAddress(kind)
        def event = request(agentId, address, secret, language) as Envelope

        when: 'identity writes the request, and Kafka delivers it twice'
        publish(api.identityTopic, agentId, event, event)

        then:
        within.eventually {
            assert api.mailbox.of(address).size() == 1
            assert api.sql('SELECT status, kind, website_id FROM notification WHERE event_id = ?', [event.eventId]) ==
                    [[status: 'delivered', kind: kind, website_id: null]]
        }
        def mail = api.mailbox.of(address).first()
        mail.subject == subject
        mail.text.contains(expected)
        mail.html.contains(expected)
        mail.text.contains('expires')  == (language == 'en')
        mail.header('List-Unsubscribe') == null
        !api.sql('SELECT * FROM notification').toString().contains(secret)

        where:
        kind                 | what   | language | secret                    | subject                                 | expected                                   | request
        'email_verification' | 'link' | 'en'     | 'ev_' + UUID.randomUUID() | 'Verify your email address for Zendo'   | 'https://chat.example.test/verify-email#token=' + secret   | { a, e, s, l -> verification(a, e, s, l) }
        'password_reset'     | 'link' | 'en'     | 'pr_' + UUID.randomUUID() | 'Reset your Zendo password'             | 'https://chat.example.test/reset-password#token=' + secret | { a, e, s, l -> reset(a, e, s, l) }
        'password_reset'     | 'link' | 'de'     | 'pr_' + UUID.randomUUID() | 'Zendo-Passwort zurücksetzen'           | 'https://chat.example.test/reset-password#token=' + secret | { a, e, s, l -> reset(a, e, s, l) }
        'sign_in_code'       | 'code' | 'en'     | '042917'                  | 'Your Zendo sign-in code: 042917'       | '042917'                                   | { a, e, s, l -> code(a, e, s, l) }
        'sign_in_code'       | 'code' | 'es'     | '731004'                  | 'Tu código de acceso a Zendo: 731004'   | '731004'                                   | { a, e, s, l -> code(a, e, s, l) }
    }

    def 'a request whose secret cannot be opened, or is no 6-digit code, is logged as suppressed and mails nothing'() {
        given:
        def agentId = UUID.randomUUID().toString()
        def address = newAddress()
        def event = envelope('agent.sign_in_code_requested').setSignInCodeRequested(SignInCodeRequested.newBuilder()
                .setAgentId(agentId).setEmail(address).setName('Ann').setSealedCode(sealed).setExpiresAt(EXPIRES)).build()
        def after = verification(agentId, address, 'ev_after', 'en')

        when:
        publish(api.identityTopic, agentId, event, after)

        then:
        within.eventually { assert api.mailbox.of(address).size() == 1 }
        api.mailbox.of(address).first().subject == 'Verify your email address for Zendo'
        api.sql('SELECT status, reason FROM notification WHERE event_id = ?', [event.eventId]) ==
                [[status: 'suppressed', reason: 'unopenable_secret']]

        where:
        sealed << [ByteString.EMPTY, seal('12345', 'zendo.identity.SignInCodeRequested.sealed_code'),
                   seal('<b>1</b>', 'zendo.identity.SignInCodeRequested.sealed_code'),
                   seal('123456', 'zendo.identity.PasswordResetRequested.sealed_token')]
    }

    static Envelope verification(String agentId, String email, String token, String language) {
        envelope('agent.email_verification_requested').setEmailVerificationRequested(EmailVerificationRequested.newBuilder()
                .setAgentId(agentId).setEmail(email).setName('Ann Agent').setLanguage(language).setExpiresAt(EXPIRES)
                .setSealedToken(seal(token, 'zendo.identity.EmailVerificationRequested.sealed_token'))
                .setVerifyPathTemplate('/verify-email#token={token}')).build()
    }

    static Envelope reset(String agentId, String email, String token, String language) {
        envelope('agent.password_reset_requested').setPasswordResetRequested(PasswordResetRequested.newBuilder()
                .setAgentId(agentId).setEmail(email).setName('Ann Agent').setLanguage(language).setExpiresAt(EXPIRES)
                .setSealedToken(seal(token, 'zendo.identity.PasswordResetRequested.sealed_token'))
                .setResetPathTemplate('/reset-password#token={token}')).build()
    }

    static Envelope code(String agentId, String email, String code, String language) {
        envelope('agent.sign_in_code_requested').setSignInCodeRequested(SignInCodeRequested.newBuilder()
                .setAgentId(agentId).setEmail(email).setName('Ann Agent').setLanguage(language).setExpiresAt(EXPIRES)
                .setSealedCode(seal(code, 'zendo.identity.SignInCodeRequested.sealed_code'))).build()
    }
}
