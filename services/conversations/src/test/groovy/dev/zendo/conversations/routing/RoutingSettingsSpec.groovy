package dev.zendo.conversations.routing

import dev.zendo.testsupport.Causes
import io.micronaut.context.ApplicationContext

import java.time.Duration

/** Routing's settings have working defaults, and a bad one stops the start with a reason. */
class RoutingSettingsSpec extends RoutingSpecification {

    def 'every setting has a default'() {
        given:
        def context = ApplicationContext.run(servers(), 'test')

        expect:
        context.getBean(RoutingSettings) == new RoutingSettings(Duration.ofSeconds(2), Duration.ofMinutes(2), 100, 50, 2)

        cleanup:
        context.close()
    }

    def 'zendo.conversations.routing.#setting = #value stops the start: #reason'() {
        when:
        ApplicationContext.run(servers() + [('zendo.conversations.routing.' + setting): value], 'test').close()

        then:
        def e = thrown(Exception)
        Causes.of(e).any { it.message?.contains(reason) }

        where:
        setting            | value  || reason
        'sweep-interval'   | '10ms' || 'zendo.conversations.routing.sweep-interval must be at least PT0.05S'
        'offline-timeout'  | '500ms' || 'zendo.conversations.routing.offline-timeout must be at least PT1S'
        'drain-batch'      | '0'    || 'must be greater than or equal to 1'
        'drain-batch'      | '1001' || 'must be less than or equal to 1000'
        'position-updates' | '-1'   || 'must be greater than or equal to 0'
        'drain-threads'    | '0'    || 'must be greater than or equal to 1'
        'drain-threads'    | '17'   || 'must be less than or equal to 16'
    }
}
