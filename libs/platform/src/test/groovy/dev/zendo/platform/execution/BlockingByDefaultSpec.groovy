package dev.zendo.platform.execution

import dev.zendo.testsupport.Causes
import dev.zendo.testsupport.TestInfra
import io.micronaut.context.ApplicationContext
import io.micronaut.inject.qualifiers.Qualifiers
import io.micronaut.scheduling.TaskExecutors
import io.micronaut.scheduling.executor.ExecutorConfiguration
import io.micronaut.scheduling.executor.ExecutorType
import io.micronaut.scheduling.executor.ThreadSelection
import spock.lang.Specification

import static dev.zendo.testsupport.TestInfra.Need.KAFKA

/**
 * Every service that stands on the platform runs blocking request handlers on a bounded pool, without a line of
 * its own configuration; a service or an operator can still choose otherwise.
 */
class BlockingByDefaultSpec extends Specification {

    def 'blocking handlers run on a fixed pool of #threads threads when #configuration'() {
        given:
        def context = ApplicationContext.run(servers() + configuration)

        expect:
        context.getProperty('micronaut.server.thread-selection', ThreadSelection).get() == ThreadSelection.AUTO
        def pool = context.getBean(ExecutorConfiguration, Qualifiers.byName(TaskExecutors.BLOCKING))
        pool.type == ExecutorType.FIXED
        pool.numberOfThreads == threads

        cleanup:
        context?.close()

        where:
        configuration                              || threads
        [:]                                        || ExecutionSettings.DEFAULT_BLOCKING_THREADS
        ['zendo.execution.blocking-threads': '4'] || 4
    }

    def "a service's own setting wins over the platform default"() {
        given:
        def context = ApplicationContext.run(servers() + ['micronaut.server.thread-selection': 'MANUAL'])

        expect:
        context.getProperty('micronaut.server.thread-selection', ThreadSelection).get() == ThreadSelection.MANUAL

        cleanup:
        context?.close()
    }

    def 'zendo.execution.blocking-threads = #value stops the start'() {
        when:
        ApplicationContext.run(servers() + ['zendo.execution.blocking-threads': value]).close()

        then:
        def e = thrown(Exception)
        Causes.of(e).any { it.message?.contains('blockingThreads') }

        where:
        value << ['0', '5000']
    }

    private static Map<String, Object> servers() {
        TestInfra.properties('platform', KAFKA) as Map<String, Object>
    }
}
