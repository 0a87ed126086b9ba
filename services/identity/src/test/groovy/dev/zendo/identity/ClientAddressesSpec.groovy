package dev.zendo.identity

import dev.zendo.identity.throttle.ClientAddresses
import io.micronaut.http.HttpRequest
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration

/**
 * The client address throttling counts: X-Forwarded-For is believed only from a trusted proxy, and then only its
 * nearest untrusted entry, since entries further left were written by the client.
 */
class ClientAddressesSpec extends Specification {

    @Shared
    ClientAddresses addresses = new ClientAddresses(new IdentitySettings('zendo.identity', Duration.ofDays(30), 10, 19456, 2, 1,
            4, Duration.ofSeconds(2), ['10.0.0.0/8', 'fd00::/8']))

    def 'a request from #remote with X-Forwarded-For "#forwardedFor" comes from #client'() {
        given:
        def request = Stub(HttpRequest) {
            getRemoteAddress() >> new InetSocketAddress(InetAddress.getByName(remote), 40000)
            getHeaders() >> HttpRequest.GET('/').with { if (forwardedFor) { it.header('X-Forwarded-For', forwardedFor) }; it }.headers
        }

        expect:
        addresses.of(request) == client

        where:
        remote        | forwardedFor                            || client
        '203.0.113.9' | null                                    || '203.0.113.9'
        '203.0.113.9' | '198.51.100.1'                          || '203.0.113.9'
        '10.0.0.2'    | null                                    || '10.0.0.2'
        '10.0.0.2'    | '198.51.100.1'                          || '198.51.100.1'
        '10.0.0.2'    | '192.0.2.66, 198.51.100.1'              || '198.51.100.1'
        '10.0.0.2'    | '198.51.100.1, 10.0.0.7'                || '198.51.100.1'
        '10.0.0.2'    | '10.0.0.8, 10.0.0.7'                    || '10.0.0.8'
        '10.0.0.2'    | 'not-an-address, 198.51.100.1'          || '198.51.100.1'
        '10.0.0.2'    | '198.51.100.1, evil.example'            || '198.51.100.1'
        'fd00::1'     | '2001:db8::1'                           || '2001:db8::1'
    }
}
