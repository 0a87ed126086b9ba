package dev.zendo.platform.http

import io.micronaut.context.exceptions.ConfigurationException
import io.micronaut.http.HttpRequest
import spock.lang.Specification

/**
 * The client address rate limits count: X-Forwarded-For is believed only from a trusted proxy, and then only its
 * nearest untrusted entry, since entries further left were written by the client.
 */
class ClientAddressesSpec extends Specification {

    def 'with #trusted trusted, a request from #remote with X-Forwarded-For "#forwardedFor" comes from #client'() {
        expect:
        new ClientAddresses('zendo.test.trusted-proxies', trusted).of(request(remote, forwardedFor)) == client

        where:
        trusted                                      | remote        | forwardedFor                   || client
        ['127.0.0.0/8', '::1/128']                   | '127.0.0.1'   | '198.51.100.1'                 || '198.51.100.1'
        ['127.0.0.0/8', '::1/128']                   | '::1'         | '2001:db8::1'                  || '2001:db8::1'
        ['127.0.0.0/8', '::1/128']                   | '127.0.0.1'   | null                           || '127.0.0.1'
        ['127.0.0.0/8', '::1/128']                   | '10.0.0.2'    | '198.51.100.1'                 || '10.0.0.2'
        ['127.0.0.0/8', '::1/128']                   | '192.168.1.4' | '198.51.100.1'                 || '192.168.1.4'
        ['127.0.0.0/8', '::1/128', '172.28.0.0/16']  | '172.28.0.5'  | '192.0.2.66, 198.51.100.1'     || '198.51.100.1'
        ['127.0.0.0/8', '::1/128', '172.28.0.0/16']  | '172.29.0.5'  | '198.51.100.1'                 || '172.29.0.5'
        ['10.0.0.0/8', 'fd00::/8']                   | '203.0.113.9' | null                           || '203.0.113.9'
        ['10.0.0.0/8', 'fd00::/8']                   | '203.0.113.9' | '198.51.100.1'                 || '203.0.113.9'
        ['10.0.0.0/8', 'fd00::/8']                   | '10.0.0.2'    | null                           || '10.0.0.2'
        ['10.0.0.0/8', 'fd00::/8']                   | '10.0.0.2'    | '198.51.100.1'                 || '198.51.100.1'
        ['10.0.0.0/8', 'fd00::/8']                   | '10.0.0.2'    | '198.51.100.1, 10.0.0.7'       || '198.51.100.1'
        ['10.0.0.0/8', 'fd00::/8']                   | '10.0.0.2'    | '10.0.0.8, 10.0.0.7'           || '10.0.0.8'
        ['10.0.0.0/8', 'fd00::/8']                   | '10.0.0.2'    | 'not-an-address, 198.51.100.1' || '198.51.100.1'
        ['10.0.0.0/8', 'fd00::/8']                   | '10.0.0.2'    | '198.51.100.1, evil.example'   || '198.51.100.1'
        ['10.0.0.0/8', 'fd00::/8']                   | '10.0.0.2'    | 'garbage'                      || '10.0.0.2'
        ['10.0.0.0/8', 'fd00::/8']                   | 'fd00::1'     | '2001:db8::1'                  || '2001:db8::1'
    }

    def 'a trusted proxy "#cidr" that is no address range is refused, naming the setting'() {
        when:
        new ClientAddresses('zendo.test.trusted-proxies', ['10.0.0.0/8', cidr])

        then:
        def e = thrown(ConfigurationException)
        e.message.contains('zendo.test.trusted-proxies')

        where:
        cidr << ['the gateway', 'gateway/8']
    }

    private HttpRequest request(String remote, String forwardedFor) {
        Stub(HttpRequest) {
            getRemoteAddress() >> new InetSocketAddress(InetAddress.getByName(remote), 40000)
            getHeaders() >> HttpRequest.GET('/').with { if (forwardedFor) { it.header('X-Forwarded-For', forwardedFor) }; it }.headers
        }
    }
}
