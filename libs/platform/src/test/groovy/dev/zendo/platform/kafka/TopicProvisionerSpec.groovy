package dev.zendo.platform.kafka

import dev.zendo.testsupport.Causes
import dev.zendo.testsupport.TestInfra
import io.micronaut.context.ApplicationContext
import org.apache.kafka.clients.admin.Admin
import org.apache.kafka.clients.admin.AdminClientConfig
import org.apache.kafka.clients.admin.ConfigEntry
import org.apache.kafka.clients.admin.NewTopic
import org.apache.kafka.common.config.ConfigResource
import org.apache.kafka.common.config.TopicConfig
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.time.Duration

import static dev.zendo.testsupport.TestInfra.Need.KAFKA

/** Topics are created on first use, shaped by the Kafka settings, and creating one twice is harmless. */
class TopicProvisionerSpec extends Specification {

    @Shared
    String retained = TestInfra.uniqueName('zendo.retained')

    @Shared
    String retainedExisting = TestInfra.uniqueName('zendo.retained-existing')

    @Shared
    @AutoCleanup
    ApplicationContext context = ApplicationContext.run(TestInfra.properties('platform', KAFKA) + [
            'zendo.kafka.replication-factor': '1',
            'zendo.kafka.partitions'        : '2',
            'zendo.kafka.site-retention'    : '2d',
            'zendo.kafka.retained-topics'   : "$retained,$retainedExisting" as String,
    ] as Map<String, Object>)

    @Shared
    @AutoCleanup
    Admin admin = Admin.create([(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG): TestInfra.infrastructure().kafkaBootstrapServers()] as Map<String, Object>)

    TopicProvisioner provisioner = context.getBean(TopicProvisioner)

    def 'a missing topic is created with the configured partitions and replication'() {
        given:
        def topic = TestInfra.uniqueName('zendo.provisioned')

        when:
        provisioner.ensure(topic)

        then:
        new PollingConditions(timeout: 10).eventually {
            def partitions = admin.describeTopics([topic]).allTopicNames().get()[topic].partitions()
            assert partitions.size() == 2
            assert partitions.every { it.replicas().size() == 1 }
        }
    }

    def 'a #kind topic gets #expected'() {
        given:
        def topic = TestInfra.uniqueName(prefix)

        when:
        provisioner.ensure(topic)

        then:
        new PollingConditions(timeout: 10).eventually {
            assert retentionOverride(topic) == retention
        }

        where:
        kind      | prefix            || retention
        'website' | 'zendo.site.'     || Duration.ofDays(2)
        'service' | 'zendo.lifecycle' || null

        expected = retention ? "the site retention ($retention)" : "the broker's retention"
    }

    def 'a topic that already exists is accepted as it is'() {
        given:
        def topic = TestInfra.uniqueName('zendo.existing')
        admin.createTopics([new NewTopic(topic, 1, (short) 1)]).all().get()

        when:
        provisioner.ensure(topic)
        provisioner.ensure(topic)

        then:
        admin.describeTopics([topic]).allTopicNames().get()[topic].partitions().size() == 1
    }

    def 'a retained topic is created keeping everything, without a time or size limit'() {
        when:
        provisioner.ensure(retained)

        then:
        new PollingConditions(timeout: 10).eventually {
            assert topicOverride(retained, TopicConfig.RETENTION_MS_CONFIG) == '-1'
            assert topicOverride(retained, TopicConfig.RETENTION_BYTES_CONFIG) == '-1'
        }
    }

    def 'a retained topic that already exists with a time limit is set to keep everything'() {
        given:
        admin.createTopics([new NewTopic(retainedExisting, 1, (short) 1).configs([(TopicConfig.RETENTION_MS_CONFIG): '3600000'])]).all().get()

        when:
        provisioner.ensure(retainedExisting)

        then:
        new PollingConditions(timeout: 10).eventually {
            assert topicOverride(retainedExisting, TopicConfig.RETENTION_MS_CONFIG) == '-1'
        }
    }

    def 'the lifecycle topics zendo.websites and zendo.identity are retained unless configured'() {
        given:
        def defaults = ApplicationContext.run(TestInfra.properties('platform', KAFKA) + [
                'zendo.kafka.replication-factor': '1',
                'zendo.kafka.partitions'        : '3',
        ] as Map<String, Object>)

        expect:
        defaults.getBean(KafkaSettings).retainedTopics() == ['zendo.websites', 'zendo.identity'] as Set

        cleanup:
        defaults.close()
    }

    def 'the site retention is seven days unless configured'() {
        given:
        def defaults = ApplicationContext.run(TestInfra.properties('platform', KAFKA) + [
                'zendo.kafka.replication-factor': '1',
                'zendo.kafka.partitions'        : '3',
        ] as Map<String, Object>)

        expect:
        defaults.getBean(KafkaSettings).siteRetention() == Duration.ofDays(7)

        cleanup:
        defaults.close()
    }

    def 'a site retention of #value stops the start with a reason'() {
        when:
        ApplicationContext.run(TestInfra.properties('platform', KAFKA) + [
                'zendo.kafka.replication-factor': '1',
                'zendo.kafka.partitions'        : '3',
                'zendo.kafka.site-retention'    : value,
        ] as Map<String, Object>).close()

        then:
        def e = thrown(Exception)
        Causes.of(e).any { it.message?.contains('zendo.kafka.site-retention must be positive') }

        where:
        value << ['0s', '-1h']
    }

    private String topicOverride(String topic, String config) {
        def resource = new ConfigResource(ConfigResource.Type.TOPIC, topic)
        def entry = admin.describeConfigs([resource]).all().get()[resource].get(config)
        entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG ? entry.value() : null
    }

    private Duration retentionOverride(String topic) {
        def resource = new ConfigResource(ConfigResource.Type.TOPIC, topic)
        def entry = admin.describeConfigs([resource]).all().get()[resource].get(TopicConfig.RETENTION_MS_CONFIG)
        entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG ? Duration.ofMillis(entry.value() as long) : null
    }
}
