package dev.zendo.notifications.webhook

import dev.zendo.notifications.Mailbox
import dev.zendo.notifications.webhook.ssrf.SpecDns
import dev.zendo.testsupport.TestInfra
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.util.concurrent.atomic.AtomicInteger

import static dev.zendo.notifications.webhook.WebhooksApi.within
import static dev.zendo.testsupport.ServiceApi.expect

/**
 * Deliveries that cannot succeed, on a service that gives a delivery up after its first failed attempt and disables a
 * subscription after three given up in a row, with name resolution the spec controls: a name that turns into a
 * loopback address after the subscription was created is never connected to, and a receiver that keeps failing gets
 * its subscription disabled.
 */
class WebhookFailureSpec extends Specification {

    @Shared
    @AutoCleanup
    WebhooksApi api = new WebhooksApi([
            'spec.webhooks.dns'                                  : 'controlled',
            'zendo.notifications.webhooks.retry-window'          : '0s',
            'zendo.notifications.webhooks.disable-after-failures': '3',
    ])

    @Shared
    SpecDns dns = api.context.getBean(SpecDns)

    def 'a name that resolves to a loopback address at delivery time is refused after DNS: failed, logged, never connected'() {
        given: 'a listener on loopback counting every connection'
        def connections = new AtomicInteger()
        def listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
        Thread.start {
            while (!listener.closed) {
                try {
                    listener.accept().close()
                    connections.incrementAndGet()
                } catch (IOException ignored) {
                    // closed
                }
            }
        }
        def site = api.site()

        and: 'a subscription to a name that resolved to a public address when it was created'
        dns.answer('rebind.test', '93.184.216.34')
        def hook = api.webhook(site, "https://rebind.test:$listener.localPort/hooks")

        when: 'the name now resolves to loopback'
        dns.answer('rebind.test', '127.0.0.1')
        api.publish(site, [api.message(site, UUID.randomUUID(), 1)])

        then:
        within(30).eventually {
            def delivery = api.deliveries(site, hook)[0]
            assert delivery.status == 'failed'
            assert delivery.attempts.size() == 1
            assert delivery.attempts[0].status_code == null
            assert delivery.attempts[0].error.contains('rebind.test resolves to 127.0.0.1, a loopback address')
        }
        connections.get() == 0

        cleanup:
        listener?.close()
    }

    def 'a name that resolves to a private address is refused at creation with 400'() {
        given:
        def site = api.site()
        dns.answer('intranet.test', '93.184.216.34', '10.0.0.7')

        when:
        def reply = api.call('POST', "/v1/websites/$site.id/webhooks", site.owner.token, [url: 'https://intranet.test/hooks', event_types: ['*']])

        then:
        reply.status == 400
        reply.body.errors*.field == ['url']
        reply.body.errors[0].message.contains('10.0.0.7, a private address')
    }

    def 'a redirect is not followed: it is a failed attempt'() {
        given:
        def receiver = WebhookReceiver.start()
        receiver.statuses << 302
        def site = api.site()
        def hook = api.webhook(site, receiver.url())

        when:
        api.publish(site, [api.message(site, UUID.randomUUID(), 1)])

        then:
        within(30).eventually {
            def delivery = api.deliveries(site, hook)[0]
            assert delivery.status == 'failed'
            assert delivery.attempts*.status_code == [302]
            assert delivery.attempts[0].error == 'redirects are not followed'
        }
        receiver.received.size() == 1

        cleanup:
        receiver?.close()
    }

    def 'after three deliveries in a row are given up the subscription is disabled, and it is resumed by making it active'() {
        given:
        def receiver = WebhookReceiver.start()
        receiver.statuses.addAll([500] * 10)
        def site = api.site()
        def ownerEmail = "owner-${UUID.randomUUID()}@example.test".toString()
        api.registered(site.owner, ownerEmail)
        def hook = api.webhook(site, receiver.url())

        when:
        api.publish(site, (1..3).collect { api.message(site, UUID.randomUUID(), 1) })

        then:
        within(30).eventually {
            def state = expect(200, api.call('GET', "/v1/websites/$site.id/webhooks/$hook.id", site.owner.token))
            assert !state.active
            assert state.disabled_at
            assert state.consecutive_failures == 3
        }
        api.deliveries(site, hook)*.status == ['failed'] * 3

        and: 'the owner is mailed once about it'
        within(30).eventually {
            def mails = new Mailbox(TestInfra.infrastructure().mailApiUrl()).of(ownerEmail)
            assert mails*.subject == ['A webhook of Shop was turned off']
            assert mails[0].text.contains(receiver.url())
        }

        when: 'events while it is disabled, also sent to another subscription'
        api.webhook(site, receiver.url('/other'), ['message.created'])
        receiver.statuses.clear()
        def conversation = UUID.randomUUID()
        api.publish(site, [api.message(site, conversation, 1), api.message(site, conversation, 2)])

        then: 'they are not queued for the disabled subscription'
        within(30).eventually { assert receiver.received.findAll { it.path == '/other' }*.json*.data*.seq == [1, 2] }
        api.deliveries(site, hook).size() == 3

        when:
        def resumed = expect(200, api.call('PATCH', "/v1/websites/$site.id/webhooks/$hook.id", site.owner.token, [active: true]))

        then:
        resumed.active
        resumed.consecutive_failures == 0
        resumed.disabled_at == null

        cleanup:
        receiver?.close()
    }
}
