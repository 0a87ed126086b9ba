package dev.zendo.notifications.invitation

import com.google.protobuf.ByteString
import dev.zendo.notifications.NotificationsApi
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import static dev.zendo.notifications.NotificationsApi.invitation
import static dev.zendo.notifications.NotificationsApi.newAddress
import static dev.zendo.notifications.NotificationsApi.publish

/** An invitation websites wrote reaches the invited address once, with a working link, in the website's language. */
class InvitationMailSpec extends Specification {

    @Shared NotificationsApi api = NotificationsApi.get()
    PollingConditions within = new PollingConditions(timeout: 20, delay: 0.1)

    def 'an invitation is mailed once to the invited address, with the accept link carrying the opened token'() {
        given:
        def site = api.website(UUID.randomUUID().toString())
        def invitee = newAddress('invitee')
        def token = "inv_${UUID.randomUUID()}"
        def event = invitation(site, invitee, token)

        when: 'websites writes the event, and Kafka delivers it twice'
        publish(api.websitesTopic, site, event, event)

        then:
        within.eventually {
            assert api.mailbox.of(invitee).size() == 1
            assert api.sql('SELECT status FROM notification WHERE event_id = ?', [event.eventId])*.status == ['delivered']
        }
        def mail = api.mailbox.of(invitee).first()
        mail.subject == 'Olivia Owner invited you to Acme on Zendo'
        mail.to == invitee
        mail.from.contains('no-reply@zendo.example')
        mail.text.contains("https://chat.example.test/invitations/accept#token=$token")
        mail.html.contains("href=\"https://chat.example.test/invitations/accept#token=$token\"")
        mail.text.contains('Olivia Owner (olivia@example.test) invited you to answer chats for Acme as agent.')
        mail.header('List-Unsubscribe') == null
        mail.header('Message-ID') =~ /^<[0-9a-f-]{36}@zendo\.notifications>$/
        api.sql('SELECT count(*) AS n FROM outgoing_mail')[0].n == 0

        and: 'the mail is queued once, and nothing of the token stays behind'
        api.sql('SELECT count(*) AS n FROM notification WHERE event_id = ?', [event.eventId])[0].n == 1
        !api.sql('SELECT * FROM notification').toString().contains(token)
    }

    def 'names from the event are text in both parts, never markup'() {
        given:
        def site = api.website(UUID.randomUUID().toString())
        def invitee = newAddress()
        def event = invitation(site, invitee, 'inv_x', [inviterName: '<img src=x onerror=alert(1)>', websiteName: 'Tom & "Jerry"'])

        when:
        publish(api.websitesTopic, site, event)

        then:
        within.eventually { assert api.mailbox.of(invitee).size() == 1 }
        def mail = api.mailbox.of(invitee).first()
        !mail.html.contains('<img')
        mail.html.contains('&lt;img src=x onerror=alert(1)&gt;')
        mail.html.contains('Tom &amp; &quot;Jerry&quot;')
        mail.text.contains('<img src=x onerror=alert(1)> (olivia@example.test) invited you to answer chats for Tom & "Jerry"')
    }

    def 'the mail is written in the website widget language #language'() {
        given:
        def site = api.website(UUID.randomUUID().toString(), 'Acme', language)
        def invitee = newAddress()

        when:
        publish(api.websitesTopic, site, invitation(site, invitee, 'inv_lang'))

        then:
        within.eventually { assert api.mailbox.of(invitee).size() == 1 }
        api.mailbox.of(invitee).first().subject == subject

        where:
        language | subject
        'en'     | 'Olivia Owner invited you to Acme on Zendo'
        'de'     | 'Olivia Owner hat Sie zu Acme auf Zendo eingeladen'
        'de-AT'  | 'Olivia Owner hat Sie zu Acme auf Zendo eingeladen'
        'es'     | 'Olivia Owner te invitó a Acme en Zendo'
        'pt-BR'  | 'Olivia Owner invited you to Acme on Zendo'
    }

    def 'an invitation whose token cannot be opened is logged as suppressed, and the next one is still mailed'() {
        given:
        def site = api.website(UUID.randomUUID().toString())
        def first = newAddress()
        def second = newAddress()
        def unopenable = invitation(site, first, 'x', [sealed: sealed])
        def fine = invitation(site, second, 'inv_fine')

        when:
        publish(api.websitesTopic, site, unopenable, fine)

        then:
        within.eventually { assert api.mailbox.of(second).size() == 1 }
        api.mailbox.of(first).isEmpty()
        api.sql('SELECT status, reason FROM notification WHERE event_id = ?', [unopenable.eventId]) ==
                [[status: 'suppressed', reason: 'unopenable_secret']]

        where:
        sealed << [ByteString.EMPTY, ByteString.copyFromUtf8('not sealed at all'),
                   NotificationsApi.seal('inv_other_context', 'zendo.identity.PasswordResetRequested.sealed_token')]
    }
}
