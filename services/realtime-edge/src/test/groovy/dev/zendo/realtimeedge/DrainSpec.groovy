package dev.zendo.realtimeedge

import dev.zendo.realtimeedge.support.EdgeSpec

/** A node that stops tells its clients to reconnect elsewhere, then closes those still there. */
class DrainSpec extends EdgeSpec {

    Map<String, Object> settings() {
        ['zendo.realtime.drain-timeout': '1s']
    }

    def 'on shutdown clients get reconnect, and those that stay are closed with 4001'() {
        given:
        UUID websiteId = website()
        def visitor = subscribed(visitorToken(UUID.randomUUID(), websiteId), websiteId)
        def agent = authenticated(ticket('agent-d', [(websiteId): 'owner']))

        when:
        Thread stopping = Thread.start { context.stop() }

        then:
        conditions.eventually {
            assert [visitor, agent]*.closeCode() == [4001, 4001]
        }
        [visitor, agent].every {
            it.ofType('reconnect').size() == 1 && it.ofType('reconnect')[0].after_ms in 0L..<500L
        }

        cleanup:
        stopping?.join()
    }
}
