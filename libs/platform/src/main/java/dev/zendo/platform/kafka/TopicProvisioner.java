package dev.zendo.platform.kafka;

import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Creates Kafka topics on first use (the broker never does), shaped by {@link KafkaSettings}. */
@Singleton
@Requires(bean = KafkaSettings.class)
public class TopicProvisioner {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Map<String, String> RETAIN_FOREVER = Map.of(
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1");

    private final KafkaSettings settings;
    private final Admin admin;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    TopicProvisioner(KafkaSettings settings) {
        this.settings = settings;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
    }

    /**
     * Makes sure {@code topic} exists, creating it with the configured partitions and replication (and the site
     * retention for website topics, no time or size limit for retained topics); returns at once for a topic already
     * seen. A retained topic that already exists is set to keep everything. A new topic's partitions may take a moment
     * to get their leader: producers retry meanwhile.
     *
     * @throws TopicProvisioningException when the broker cannot be asked or refuses
     */
    public void ensure(String topic) {
        if (known.contains(topic)) {
            return;
        }
        try {
            admin.createTopics(Set.of(newTopic(topic))).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new TopicProvisioningException(topic, e.getCause());
            }
            if (settings.retainedTopics().contains(topic)) {
                retainForever(topic);
            }
        } catch (TimeoutException e) {
            throw new TopicProvisioningException(topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException(topic, e);
        }
        known.add(topic);
    }

    private void retainForever(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        List<AlterConfigOp> keepAll = RETAIN_FOREVER.entrySet().stream()
                .map(config -> new AlterConfigOp(new ConfigEntry(config.getKey(), config.getValue()), AlterConfigOp.OpType.SET))
                .toList();
        try {
            admin.incrementalAlterConfigs(Map.of(resource, keepAll)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new TopicProvisioningException(topic, e.getCause());
        } catch (TimeoutException e) {
            throw new TopicProvisioningException(topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException(topic, e);
        }
    }

    /** Forgets that {@code topic} exists, so the next {@link #ensure} asks the broker again (after the topic was deleted). */
    public void forget(String topic) {
        known.remove(topic);
    }

    private NewTopic newTopic(String topic) {
        NewTopic newTopic = new NewTopic(topic, settings.partitions(), settings.replicationFactor());
        if (settings.retainedTopics().contains(topic)) {
            return newTopic.configs(RETAIN_FOREVER);
        }
        return topic.startsWith(KafkaSettings.SITE_TOPIC_PREFIX)
                ? newTopic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(settings.siteRetention().toMillis())))
                : newTopic;
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(5));
    }

    /** A topic could not be created. */
    public static final class TopicProvisioningException extends RuntimeException {

        TopicProvisioningException(String topic, Throwable cause) {
            super("cannot create Kafka topic " + topic + ": " + cause.getMessage(), cause);
        }
    }
}
