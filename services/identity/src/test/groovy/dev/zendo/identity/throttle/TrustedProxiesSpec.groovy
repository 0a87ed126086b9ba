package dev.zendo.identity.throttle

import dev.zendo.identity.IdentitySettings
import io.micronaut.context.exceptions.ConfigurationException
import io.micronaut.http.HttpRequest
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration

/** Whose X-Forwarded-For identity believes for its login throttling: loopback only unless TRUSTED_PROXIES says more. */
class TrustedProxiesSpec extends Specification {

    /** What identity trusts when TRUSTED_PROXIES is not set, as its application.yml says. */
    @Shared
    List<String> defaults = (getClass().getResource('/application.yml').text =~ /\$\{TRUSTED_PROXIES:`([^`]*)`}/)[0][1].tokenize(',')

    def 'by default only loopback is trusted: a request from #remote with X-Forwarded-For 198.51.100.1 comes from #client'() {
        given:
        def request = Stub(HttpRequest) {
            getRemoteAddress() >> new InetSocketAddress(InetAddress.getByName(remote), 40000)
            getHeaders() >> HttpRequest.GET('/').header('X-Forwarded-For', '198.51.100.1').headers
        }

        expect:
        defaults == ['127.0.0.0/8', '::1/128']
        new TrustedProxies().clientAddresses(settings(defaults)).of(request) == client

        where:
        remote        || client
        '127.0.0.1'   || '198.51.100.1'
        '::1'         || '198.51.100.1'
        '10.0.0.2'    || '10.0.0.2'
        '172.16.0.9'  || '172.16.0.9'
        '203.0.113.9' || '203.0.113.9'
    }

    def 'a trusted proxy that is no address range fails at startup, naming the setting'() {
        when:
        new TrustedProxies().clientAddresses(settings(['the gateway']))

        then:
        def e = thrown(ConfigurationException)
        e.message.startsWith('zendo.identity.trusted-proxies')
    }

    private static IdentitySettings settings(List<String> trusted) {
        new IdentitySettings('zendo.identity', Duration.ofDays(30), 10, 19456, 2, 1, 4, Duration.ofSeconds(2), trusted)
    }
}
