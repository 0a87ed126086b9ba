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
    ClientAddresses addresses = addresses(['10.0.0.0/8', 'fd00::/8'])

    /** What identity trusts when TRUSTED_PROXIES is not set, as its application.yml says. */
    @Shared
    List<String> defaults = (getClass().getResource('/application.yml').text =~ /\$\{TRUSTED_PROXIES:`([^`]*)`}/)[0][1].tokenize(',')

    def 'by default only loopback is trusted: a request from #remote with X-Forwarded-For "#forwardedFor" comes from #client'() {
        expect:
        defaults == ['127.0.0.0/8', '::1/128']
        addresses(defaults).of(request(remote, forwardedFor)) == client

        where:
        remote        | forwardedFor                 || client
        '127.0.0.1'   | '198.51.100.1'               || '198.51.100.1'
        '::1'         | '2001:db8::1'                || '2001:db8::1'
        '127.0.0.1'   | null                         || '127.0.0.1'
        '10.0.0.2'    | '198.51.100.1'               || '10.0.0.2'
        '172.16.0.9'  | '198.51.100.1'               || '172.16.0.9'
        '192.168.1.4' | '198.51.100.1'               || '192.168.1.4'
        'fd00::1'     | '2001:db8::1'                || 'fd00::1'
        '203.0.113.9' | '198.51.100.1'               || '203.0.113.9'
    }

    def 'with the gateway network of docker-compose trusted, its X-Forwarded-For names the client: #remote, "#forwardedFor" -> #client'() {
        expect:
        addresses(['127.0.0.0/8', '::1/128', '172.28.0.0/16']).of(request(remote, forwardedFor)) == client

        where:
        remote        | forwardedFor                 || client
        '172.28.0.5'  | '198.51.100.1'               || '198.51.100.1'
        '172.28.0.5'  | '192.0.2.66, 198.51.100.1'   || '198.51.100.1'
        '172.29.0.5'  | '198.51.100.1'               || '172.29.0.5'
    }

    def 'a request from #remote with X-Forwarded-For "#forwardedFor" comes from #client'() {
        expect:
        addresses.of(request(remote, forwardedFor)) == client

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

    private HttpRequest request(String remote, String forwardedFor) {
        Stub(HttpRequest) {
            getRemoteAddress() >> new InetSocketAddress(InetAddress.getByName(remote), 40000)
            getHeaders() >> HttpRequest.GET('/').with { if (forwardedFor) { it.header('X-Forwarded-For', forwardedFor) }; it }.headers
        }
    }

    private static ClientAddresses addresses(List<String> trusted) {
        new ClientAddresses(new IdentitySettings('zendo.identity', Duration.ofDays(30), 10, 19456, 2, 1, 4, Duration.ofSeconds(2), trusted))
    }
}
