package dev.zendo.identity.agent;

import dev.zendo.identity.IdentitySettings;
import dev.zendo.platform.kafka.TopicProvisioner;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the agent events topic at startup; if Kafka cannot be reached yet, the outbox relay creates it on first publish. */
@Singleton
class AgentEventsTopic implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(AgentEventsTopic.class);

    private final TopicProvisioner topics;
    private final IdentitySettings settings;

    AgentEventsTopic(TopicProvisioner topics, IdentitySettings settings) {
        this.topics = topics;
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        try {
            topics.ensure(settings.topic());
        } catch (TopicProvisioner.TopicProvisioningException e) {
            LOG.warn("{}; the outbox relay will create it before publishing", e.getMessage());
        }
    }
}
