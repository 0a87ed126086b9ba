package dev.zendo.conversations.widget

import io.micronaut.context.exceptions.ConfigurationException
import io.micronaut.http.HttpRequest
import io.micronaut.http.simple.SimpleHttpHeaders
import spock.lang.Specification

/** X-Forwarded-For is believed only from a trusted proxy, and only as far as the nearest untrusted hop. */
class ClientAddressesSpec extends Specification {

    def 'a request from #peer with X-Forwarded-For #forwarded comes from #client'() {
        given:
        def addresses = new ClientAddresses(new WidgetApiSettings(URI.create('wss://chat.example/ws'), ['10.0.0.0/8', '::1/128']))
        def headers = new SimpleHttpHeaders()
        if (forwarded) {
            headers.add('X-Forwarded-For', forwarded)
        }
        def request = Stub(HttpRequest) {
            getRemoteAddress() >> new InetSocketAddress(InetAddress.getByName(peer), 40000)
            getHeaders() >> headers
        }

        expect:
        addresses.of(request) == client

        where:
        peer          | forwarded                             || client
        '10.0.0.5'    | '198.51.100.7'                        || '198.51.100.7'
        '10.0.0.5'    | '6.6.6.6, 198.51.100.7'               || '198.51.100.7'
        '10.0.0.5'    | '198.51.100.7, 10.0.0.9'              || '198.51.100.7'
        '10.0.0.5'    | 'garbage'                             || '10.0.0.5'
        '10.0.0.5'    | null                                  || '10.0.0.5'
        '::1'         | '2001:db8::7'                         || '2001:db8::7'
        '203.0.113.9' | '198.51.100.7'                        || '203.0.113.9'
        '127.0.0.1'   | '198.51.100.7'                        || '127.0.0.1'
    }

    def 'a trusted proxy that is no address range fails at startup'() {
        when:
        new ClientAddresses(new WidgetApiSettings(URI.create('wss://chat.example/ws'), ['the gateway']))

        then:
        thrown(ConfigurationException)
    }

    def 'a realtime URL that is no WebSocket URL fails at startup'() {
        when:
        new WidgetApiSettings(URI.create(url), [])

        then:
        thrown(ConfigurationException)

        where:
        url << ['https://chat.example/ws', '/ws', 'ws:relative']
    }
}
