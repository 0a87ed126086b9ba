package dev.zendo.websites.events;

import dev.zendo.platform.kafka.TopicProvisioner;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates {@code zendo.websites} at startup, so consumers can subscribe before the first website exists. */
@Singleton
class WebsitesTopic implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(WebsitesTopic.class);

    private final TopicProvisioner topics;

    WebsitesTopic(TopicProvisioner topics) {
        this.topics = topics;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        try {
            topics.ensure(EventPublisher.WEBSITES_TOPIC);
        } catch (TopicProvisioner.TopicProvisioningException e) {
            LOG.warn("{}; the outbox relay creates it before publishing", e.getMessage());
        }
    }
}
