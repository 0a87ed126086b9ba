package dev.zendo.realtimeedge.fanout

import dev.zendo.platform.kafka.KafkaSettings
import dev.zendo.realtimeedge.support.EdgeClient
import dev.zendo.realtimeedge.support.EdgeSpec

/**
 * Subscribing asks the broker for a website topic's partitions and offsets off the site feed's thread: a slow answer
 * holds up nobody else's delivery, and a failed one answers {@code error} {@code unavailable} on an open socket.
 */
class SiteFeedLookupSpec extends EdgeSpec {

    @Override
    Map<String, Object> settings() {
        ['spec.topic-lookups': 'controlled']
    }

    ControlledTopicLookups getLookups() {
        context.getBean(ControlledTopicLookups)
    }

    def "delivery to a subscribed socket goes on while another subscribe waits for the broker"() {
        given: 'an agent subscribed to one website'
        UUID busy = website()
        UUID conversation = UUID.randomUUID()
        EdgeClient reader = subscribed(ticket('agent-1', [(busy): 'owner']), busy)

        and: 'another website whose topic lookups hang'
        UUID slow = website()
        lookups.hold(slow)
        EdgeClient waiting = authenticated(ticket('agent-2', [(slow): 'owner']))
        waiting.send([type: 'subscribe', website_id: slow.toString(), ref: 'w'])
        conditions.eventually {
            assert lookups.asked.contains(KafkaSettings.SITE_TOPIC_PREFIX + slow)
        }

        when: 'messages are written to the first website meanwhile'
        (1..3).each { publish(message(busy, conversation, UUID.randomUUID(), it)) }

        then: 'the subscribed agent gets them while the other subscribe is still unanswered'
        conditions.eventually {
            assert reader.messages()*.seq == [1, 2, 3]
        }
        waiting.ofType('subscribed').isEmpty()

        when: 'the broker answers'
        lookups.release(slow)

        then: 'the waiting subscribe completes, and it receives its website live'
        conditions.eventually {
            assert waiting.ofType('subscribed')*.ref == ['w']
        }

        when:
        publish(message(slow, UUID.randomUUID(), UUID.randomUUID(), 1))

        then:
        conditions.eventually {
            assert waiting.messages()*.seq == [1]
        }
    }

    def "a subscribe the broker cannot answer gets unavailable and the socket stays open"() {
        given:
        UUID down = website()
        lookups.fail(down)
        EdgeClient client = authenticated(ticket('agent-3', [(down): 'owner']))

        when:
        client.send([type: 'subscribe', website_id: down.toString(), ref: 's9'])

        then:
        conditions.eventually {
            assert client.ofType('error').collect { [it.code, it.ref] } == [['unavailable', 's9']]
        }
        client.ofType('subscribed').isEmpty()

        when: 'the client goes on'
        client.send([type: 'ping', ref: 'p1'])

        then:
        conditions.eventually {
            assert client.ofType('pong')*.ref == ['p1']
        }
        client.closeCode() == null
    }

    def "a subscribe with a cursor to a website the node reads already is checked against the broker's offsets"() {
        given: 'a website with three messages, read by one agent'
        UUID site = website()
        UUID conversation = UUID.randomUUID()
        EdgeClient first = subscribed(ticket('agent-4', [(site): 'owner']), site)
        String start = first.ofType('subscribed').first().cursor
        (1..3).each { publish(message(site, conversation, UUID.randomUUID(), it)) }
        conditions.eventually {
            assert first.messages().size() == 3
        }

        when: 'another agent resumes from where the first one started'
        EdgeClient second = subscribed(ticket('agent-5', [(site): 'owner']), site, start)

        then: 'it gets the replay'
        conditions.eventually {
            assert second.messages()*.seq == [1, 2, 3]
        }
        second.ofType('resync').isEmpty()
    }
}
