package dev.zendo.platform.startup

import io.micronaut.context.ApplicationContext
import io.micronaut.context.exceptions.BeanInstantiationException
import io.micronaut.context.exceptions.ConfigurationException
import org.apache.kafka.common.KafkaException
import spock.lang.Specification

/** A failed start is told in one line, chosen by the exceptions' types; Micronaut's own wording is pinned here. */
class StartupFailureSpec extends Specification {

    static final Map<String, Object> KAFKA = ['zendo.kafka.bootstrap-servers': '127.0.0.1:9092', 'zendo.kafka.replication-factor': '1', 'zendo.kafka.partitions': '1']

    def 'a context that fails on #failing is told as: #expected'() {
        when:
        ApplicationContext.run(KAFKA + settings)

        then:
        def failure = thrown(BeanInstantiationException)
        StartupFailure.describe(failure) == expected

        where:
        failing                      | settings                                             || expected
        'a settings validation'      | ['zendo.kafka.bootstrap-servers': 'not a broker']    || 'Validation failed for bean definition [dev.zendo.platform.kafka.KafkaSettings] List of constraint violations:[ dev.zendo.platform.kafka.KafkaSettings.bootstrapServers - must be host:port[,host:port…] ]'
        'a Redis address check'      | ['zendo.redis.uri': 'http://localhost:6379', 'zendo.redis.timeout': '2s'] || 'IllegalArgumentException: zendo.redis.uri must look like redis://host:port (in full: redis[s]://[[user]:password@]host[:port][/db])'
        'a settings record check'    | ['zendo.kafka.site-retention': '-1d']                || 'IllegalArgumentException: zendo.kafka.site-retention must be positive, not PT-24H'
    }

    def 'the deepest exception a library threw wins over the JDK and Micronaut: #expected'() {
        expect:
        StartupFailure.describe(failure) == expected

        where:
        failure                                                                                                      || expected
        new BeanInstantiationException('Error instantiating bean', new KafkaException('no broker', new ConnectException('Connection refused'))) || 'KafkaException: no broker'
        new BeanInstantiationException('Error instantiating bean', new ConfigurationException('zendo.auth.signing: not a JWK set'))            || 'ConfigurationException: zendo.auth.signing: not a JWK set'
        new RuntimeException('outer', new IllegalStateException("line one\n\tline two"))                                                      || 'IllegalStateException: line one line two'
        new BeanInstantiationException('Error instantiating bean', new NullPointerException())                                                || 'Error instantiating bean'
        new NullPointerException()                                                                                                           || 'NullPointerException'
    }

    def 'a long reason is cut to one readable line'() {
        when:
        def line = StartupFailure.describe(new IllegalArgumentException('x' * 1000))

        then:
        line.length() == 601
        line.endsWith('…')
    }
}
