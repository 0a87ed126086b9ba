package dev.zendo.realtimeedge

import dev.zendo.realtimeedge.support.EdgeSpec

import java.time.Duration
import java.time.Instant

/** Sockets authenticate with a realtime ticket or a visitor token, in time, and stay authenticated only while renewed. */
class AuthSpec extends EdgeSpec {

    Map<String, Object> settings() {
        ['zendo.realtime.auth-timeout': '1s', 'zendo.realtime.sweep-interval': '100ms']
    }

    def 'an agent with a valid ticket is ready and announced online, and offline when it leaves'() {
        given:
        UUID websiteId = website()
        String agentId = UUID.randomUUID().toString()
        def observer = subscribed(ticket('observer-1', [(websiteId): 'owner']), websiteId)

        when:
        def client = authenticated(ticket(agentId, [(websiteId): 'agent']))

        then:
        with(client.ofType('ready')[0]) {
            v == 1
            role == 'agent'
            node == 'edge-spec'
            expires_at ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/
        }
        conditions.eventually {
            assert presenceOf(observer, agentId) == ['agent:online']
        }

        when:
        client.socket.sendClose(1000, 'bye').join()

        then:
        conditions.eventually {
            assert presenceOf(observer, agentId) == ['agent:online', 'agent:offline']
        }
    }

    def 'a visitor with a valid token from an allowed origin is ready'() {
        given:
        UUID websiteId = website(['https://Shop.Example'])

        when:
        def client = authenticated(visitorToken(UUID.randomUUID(), websiteId), 'https://shop.example')

        then:
        client.ofType('ready')[0].role == 'visitor'
    }

    def 'a bad token closes the socket with 4401: #kind'() {
        given:
        UUID websiteId = website()
        def client = connect(ORIGIN)

        when:
        client.send([type: 'auth', v: 1, token: token.call(websiteId)])

        then:
        conditions.eventually {
            assert client.closeCode() == 4401
        }
        client.ofType('ready').isEmpty()

        where:
        kind                         | token
        'expired ticket'             | { UUID w -> websites.expiredToken('a1', [token_use: 'realtime', websites: [[id: w.toString(), role: 'owner']]]) }
        'tampered ticket'            | { UUID w -> websites.tamperedToken('a1', [token_use: 'realtime', websites: [[id: w.toString(), role: 'owner']]], 'a2') }
        'alg none'                   | { UUID w -> websites.unsignedToken('a1', [token_use: 'realtime', websites: [[id: w.toString(), role: 'owner']]]) }
        'foreign key'                | { UUID w -> websites.foreignKeyToken('a1', [token_use: 'realtime', websites: [[id: w.toString(), role: 'owner']]]) }
        'wrong audience'             | { UUID w -> websites.token('a1', [token_use: 'realtime', websites: [[id: w.toString(), role: 'owner']]], 'zendo', Instant.now().plusSeconds(600)) }
        'wrong token_use'            | { UUID w -> websites.token('a1', [token_use: 'access', websites: [[id: w.toString(), role: 'owner']]], 'zendo-realtime', Instant.now().plusSeconds(600)) }
        'visitor token as ticket'    | { UUID w -> websites.token(UUID.randomUUID().toString(), [token_use: 'visitor', website_id: w.toString()], 'zendo-realtime', Instant.now().plusSeconds(600)) }
        'expired visitor token'      | { UUID w -> conversations.expiredToken(UUID.randomUUID().toString(), [token_use: 'visitor', website_id: w.toString()]) }
        'unknown issuer'             | { UUID w -> websites.wrongIssuerToken('a1', [token_use: 'realtime', websites: [[id: w.toString(), role: 'owner']]]) }
        'not a token'                | { UUID w -> 'not.a.token' }
    }

    def 'a socket that does not authenticate in time is closed with 4401'() {
        when:
        def client = connect()

        then:
        conditions.eventually {
            assert client.closeCode() == 4401
        }
    }

    def 'frames before auth are answered unauthenticated, and auth with another version closes 4400'() {
        given:
        def client = connect()

        when:
        client.send([type: 'ping', ref: 'p'])

        then:
        conditions.eventually {
            assert client.ofType('error')[0] == [type: 'error', code: 'unauthenticated', message: 'Send auth first and wait for ready.', ref: 'p']
        }

        when:
        client.send([type: 'auth', v: 2, token: 'x'])

        then:
        conditions.eventually {
            assert client.closeCode() == 4400
        }
    }

    def 'credentials that expire without renewal close the socket with 4401, a renewal keeps it open'() {
        given:
        UUID websiteId = website()
        String agentId = UUID.randomUUID().toString()
        def lapsing = authenticated(ticket(agentId, [(websiteId): 'owner'], Instant.now().plusSeconds(2)))
        def renewed = authenticated(ticket(agentId, [(websiteId): 'owner'], Instant.now().plusSeconds(2)))

        when:
        renewed.send([type: 'auth', v: 1, token: ticket(agentId, [(websiteId): 'owner'])])

        then:
        conditions.eventually {
            assert renewed.ofType('ready').size() == 2
            assert lapsing.closeCode() == 4401
        }
        renewed.closeCode() == null
        Instant.parse(renewed.ofType('ready')[1].expires_at).isAfter(Instant.now().plus(Duration.ofMinutes(5)))
    }

    def 'a renewal as another subject closes the socket with 4403'() {
        given:
        UUID websiteId = website()
        def client = authenticated(ticket(UUID.randomUUID().toString(), [(websiteId): 'owner']))

        when:
        client.send([type: 'auth', v: 1, token: ticket(UUID.randomUUID().toString(), [(websiteId): 'owner'])])

        then:
        conditions.eventually {
            assert client.closeCode() == 4403
        }
    }

    def 'a renewal without a website ends that subscription and takes the agent offline there'() {
        given:
        UUID kept = website()
        UUID dropped = website()
        String agentId = UUID.randomUUID().toString()
        def observer = subscribed(ticket('observer-2', [(dropped): 'owner']), dropped)
        def client = subscribed(ticket(agentId, [(kept): 'owner', (dropped): 'owner']), dropped)
        conditions.eventually {
            assert presenceOf(observer, agentId) == ['agent:online']
        }

        when:
        client.send([type: 'auth', v: 1, token: ticket(agentId, [(kept): 'owner'])])

        then:
        conditions.eventually {
            assert client.ofType('unsubscribed') == [[type: 'unsubscribed', website_id: dropped.toString()]]
            assert presenceOf(observer, agentId) == ['agent:online', 'agent:offline']
        }
    }

    def 'a visitor whose origin is not allowed, or whose website is unknown or deleted, is closed with 4403'() {
        given:
        UUID websiteId = website(allowed)
        if (deleted) {
            deleteWebsite(websiteId)
            conditions.eventually {
                assert context.getBean(dev.zendo.realtimeedge.origins.WebsiteDirectory).website(websiteId).get().deleted()
            }
        }
        def client = connect(origin)

        when:
        client.send([type: 'auth', v: 1, token: visitorToken(UUID.randomUUID(), unknown ? UUID.randomUUID() : websiteId)])

        then:
        conditions.eventually {
            assert client.closeCode() == 4403
        }

        where:
        allowed                  | origin                  | unknown | deleted
        [ORIGIN]                 | 'https://evil.example'  | false   | false
        []                       | ORIGIN                  | false   | false
        [ORIGIN]                 | ORIGIN                  | true    | false
        [ORIGIN]                 | ORIGIN                  | false   | true
    }
}
