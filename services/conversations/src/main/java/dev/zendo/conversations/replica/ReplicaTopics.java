package dev.zendo.conversations.replica;

import dev.zendo.platform.kafka.TopicProvisioner;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the replicated topics exist at startup, kept forever, so the consumer is assigned their partitions at
 * once and a replay from the start rebuilds every replica even when conversations starts before their producers.
 */
@Singleton
class ReplicaTopics implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaTopics.class);

    private final TopicProvisioner topics;
    private final ReplicaSettings settings;

    ReplicaTopics(TopicProvisioner topics, ReplicaSettings settings) {
        this.topics = topics;
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        for (String topic : new String[] {settings.websitesTopic(), settings.identityTopic()}) {
            try {
                topics.ensure(topic);
            } catch (TopicProvisioner.TopicProvisioningException e) {
                LOG.warn("{}; the replica consumer subscribes anyway and is assigned it once it exists", e.getMessage());
            }
        }
    }
}
