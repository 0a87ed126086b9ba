package dev.zendo.outbox

import dev.zendo.testsupport.Causes
import dev.zendo.testsupport.TestInfra
import io.micronaut.context.ApplicationContext
import spock.lang.Specification

import java.time.Duration

import static dev.zendo.testsupport.TestInfra.Need.KAFKA

/** The relay's settings have working defaults, and a bad one stops the start with a reason. */
class OutboxSettingsSpec extends Specification {

    def 'every setting has a default'() {
        given:
        def context = run([:])

        expect:
        context.getBean(OutboxSettings) == new OutboxSettings(true, 200, Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofSeconds(5), 10, Duration.ofMillis(100))

        cleanup:
        context.close()
    }

    def 'zendo.outbox.#setting = #value stops the start: #reason'() {
        when:
        run([('zendo.outbox.' + setting): value]).close()

        then:
        def e = thrown(Exception)
        Causes.of(e).any { it.message?.contains(reason) }

        where:
        setting         | value   || reason
        'batch-size'    | '0'     || 'must be greater than or equal to 1'
        'batch-size'    | '10001' || 'must be less than or equal to 10000'
        'poll-interval' | '0s'    || 'zendo.outbox.poll-interval must be at least PT0.01S'
        'retention'     | '500ms' || 'zendo.outbox.retention must be at least PT1S'
        'max-backoff'   | '10ms'  || 'zendo.outbox.max-backoff must be at least PT0.1S'
        'drain-timeout' | '-1s'   || 'zendo.outbox.drain-timeout must be at least PT0S'
        'max-attempts'  | '0'     || 'must be greater than or equal to 1'
        'notify-interval' | '-1ms' || 'zendo.outbox.notify-interval must be at least PT0S'
    }

    def 'sent rows are deleted twice per retention, at least once a minute (retention #retention)'() {
        expect:
        settings(retention).cleanupInterval() == interval

        where:
        retention             || interval
        Duration.ofSeconds(1) || Duration.ofMillis(500)
        Duration.ofMinutes(1) || Duration.ofSeconds(30)
        Duration.ofDays(3)    || Duration.ofMinutes(1)
    }

    def 'the pause after failure #attempts is #pause'() {
        expect:
        settings(Duration.ofMinutes(1)).backoff(attempts) == pause

        where:
        attempts || pause
        1        || Duration.ofMillis(100)
        2        || Duration.ofMillis(200)
        5        || Duration.ofMillis(1600)
        100      || Duration.ofSeconds(30)
    }

    private static OutboxSettings settings(Duration retention) {
        new OutboxSettings(true, 200, Duration.ofSeconds(5), retention, Duration.ofSeconds(30), Duration.ofSeconds(5), 10, Duration.ofMillis(100))
    }

    private static ApplicationContext run(Map<String, Object> settings) {
        ApplicationContext.builder().deduceEnvironment(false).properties(TestInfra.properties('outbox', KAFKA) + [
                'zendo.kafka.replication-factor': '1',
                'zendo.kafka.partitions'        : '1',
        ] + settings).start()
    }
}
