package dev.zendo.platform.kafka;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A topic a service makes sure exists when it starts, so its consumers are assigned partitions at once. When Kafka
 * cannot be asked yet, the service starts anyway and logs a warning saying what happens {@code meanwhile}.
 */
public abstract class StartupTopic implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StartupTopic.class);

    private final TopicProvisioner topics;
    private final String topic;
    private final String meanwhile;

    protected StartupTopic(TopicProvisioner topics, String topic, String meanwhile) {
        this.topics = topics;
        this.topic = topic;
        this.meanwhile = meanwhile;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        try {
            topics.ensure(topic);
        } catch (TopicProvisioner.TopicProvisioningException e) {
            LOG.warn("{}; {}", e.getMessage(), meanwhile);
        }
    }
}
