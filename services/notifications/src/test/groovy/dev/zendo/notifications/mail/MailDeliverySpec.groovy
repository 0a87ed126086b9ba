package dev.zendo.notifications.mail

import dev.zendo.notifications.Mailbox
import dev.zendo.notifications.NotificationsApi
import dev.zendo.testsupport.MailServer
import dev.zendo.testsupport.TestInfra
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import static dev.zendo.notifications.NotificationsApi.invitation
import static dev.zendo.notifications.NotificationsApi.newAddress
import static dev.zendo.notifications.NotificationsApi.publish

/** Mail survives an SMTP server that is away for a while, and reaches it exactly once when it is back. */
class MailDeliverySpec extends Specification {

    @Shared @AutoCleanup MailServer smtp = TestInfra.infrastructure().newMailServer()
    @Shared @AutoCleanup('close') NotificationsApi api = NotificationsApi.start([
            'zendo.notifications.mail.host'         : smtp.smtpHost(),
            'zendo.notifications.mail.port'         : smtp.smtpPort(),
            'zendo.notifications.mail.first-backoff': '100ms',
            'zendo.notifications.mail.max-backoff'  : '400ms',
            'zendo.notifications.mail.poll-interval': '50ms',
    ])
    @Shared Mailbox mailbox = new Mailbox(smtp.apiUrl())
    PollingConditions within = new PollingConditions(timeout: 30, delay: 0.1)

    def 'with the SMTP server stopped, mail waits and is retried; once it is back, each mail arrives exactly once'() {
        given:
        def site = api.website(UUID.randomUUID().toString())
        def invitees = (1..5).collect { newAddress("down-$it") }
        smtp.stop()

        when: 'events arrive while the server is down'
        publish(api.websitesTopic, site, *invitees.collect { invitation(site, it, "inv_$it") })

        then: 'every mail is queued and has been tried more than once'
        within.eventually {
            def rows = api.sql('SELECT n.status, m.attempts, m.last_error FROM outgoing_mail m JOIN notification n ON n.id = m.notification_id')
            assert rows.size() == 5
            assert rows.every { it.status == 'queued' && it.attempts >= 2 && it.last_error.contains('Connect') }
        }

        when: 'the server comes back'
        smtp.start()

        then:
        within.eventually {
            assert invitees.every { mailbox.of(it).size() == 1 }
            assert api.sql('SELECT count(*) AS n FROM outgoing_mail')[0].n == 0
        }
        api.sql("SELECT count(*) AS n FROM notification WHERE status = 'delivered'")[0].n == 5
        api.sql('SELECT min(attempts) AS fewest FROM notification')[0].fewest >= 2

        and: 'nothing is sent again later'
        new PollingConditions(timeout: 2, initialDelay: 1.5).eventually {
            assert invitees.every { mailbox.of(it).size() == 1 }
        }
    }

    def 'a mail the server does not accept before the give-up time is recorded as failed and leaves the queue'() {
        given:
        def site = api.website(UUID.randomUUID().toString())
        def invitee = newAddress('late')
        smtp.stop()
        def event = invitation(site, invitee, 'inv_late')

        when:
        publish(api.websitesTopic, site, event)
        within.eventually { assert api.sql('SELECT attempts FROM outgoing_mail')*.attempts.every { it >= 1 } && api.sql('SELECT 1 FROM outgoing_mail').size() == 1 }
        api.sql("UPDATE outgoing_mail SET created_at = now() - interval '49 hours'")

        then:
        within.eventually {
            assert api.sql('SELECT status, reason FROM notification WHERE event_id = ?', [event.eventId]) ==
                    [[status: 'failed', reason: 'smtp_gave_up']]
        }
        api.sql('SELECT count(*) AS n FROM outgoing_mail')[0].n == 0

        cleanup:
        smtp.start()
    }
}
