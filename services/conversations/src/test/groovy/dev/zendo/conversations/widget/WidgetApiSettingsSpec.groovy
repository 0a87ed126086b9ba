package dev.zendo.conversations.widget

import io.micronaut.context.exceptions.ConfigurationException
import spock.lang.Specification

/** The widget API's settings fail the startup when they cannot work. */
class WidgetApiSettingsSpec extends Specification {

    def 'a trusted proxy that is no address range fails at startup, naming the setting'() {
        when:
        new TrustedProxies().clientAddresses(new WidgetApiSettings(URI.create('wss://chat.example/ws'), ['the gateway']))

        then:
        def e = thrown(ConfigurationException)
        e.message.startsWith('zendo.conversations.widget.trusted-proxies')
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
