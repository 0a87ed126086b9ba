package dev.zendo.inbox

import dev.zendo.testsupport.Causes
import dev.zendo.testsupport.TestInfra
import io.micronaut.context.ApplicationContext
import spock.lang.Specification

import java.time.Duration

import static dev.zendo.testsupport.TestInfra.Need.KAFKA

/** The inbox's settings have working defaults, and a bad one stops the start with a reason. */
class InboxSettingsSpec extends Specification {

    def 'every setting has a default'() {
        given:
        def context = run([:])

        expect:
        context.getBean(InboxSettings) == new InboxSettings(true, null, 5, Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(1))

        cleanup:
        context.close()
    }

    def 'zendo.inbox.#setting = #value stops the start: #reason'() {
        when:
        run([('zendo.inbox.' + setting): value]).close()

        then:
        def e = thrown(Exception)
        Causes.of(e).any { it.message?.contains(reason) }

        where:
        setting         | value     || reason
        'max-attempts'  | '0'       || 'must be greater than or equal to 1'
        'max-attempts'  | '1001'    || 'must be less than or equal to 1000'
        'max-backoff'   | '50ms'    || 'zendo.inbox.max-backoff must be at least PT0.1S'
        'poll-timeout'  | '5ms'     || 'zendo.inbox.poll-timeout must be at least PT0.01S'
        'drain-timeout' | '-1s'     || 'zendo.inbox.drain-timeout must be at least PT0S'
        'commit-interval' | '-1ms'  || 'zendo.inbox.commit-interval must be at least PT0S'
        'group'         | 'a group' || "must be letters, digits, '.', '_' or '-'"
    }

    def 'the pause after failure #attempts is #pause'() {
        expect:
        new InboxSettings(true, null, 5, Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(1)).backoff(attempts) == pause

        where:
        attempts || pause
        1        || Duration.ofMillis(100)
        2        || Duration.ofMillis(200)
        5        || Duration.ofMillis(1600)
        100      || Duration.ofSeconds(10)
    }

    private static ApplicationContext run(Map<String, Object> settings) {
        ApplicationContext.builder().deduceEnvironment(false).properties(TestInfra.properties('inbox', KAFKA) + settings).start()
    }
}
