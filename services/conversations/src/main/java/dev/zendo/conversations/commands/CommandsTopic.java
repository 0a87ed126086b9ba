package dev.zendo.conversations.commands;

import dev.zendo.platform.kafka.TopicProvisioner;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the commands topic exists at startup (with the broker's normal retention: a command is worth nothing
 * once applied), so the inbox consumer is assigned its partitions at once even when no edge has published yet.
 */
@Singleton
class CommandsTopic implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(CommandsTopic.class);

    private final TopicProvisioner topics;
    private final CommandSettings settings;

    CommandsTopic(TopicProvisioner topics, CommandSettings settings) {
        this.topics = topics;
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        try {
            topics.ensure(settings.topic());
        } catch (TopicProvisioner.TopicProvisioningException e) {
            LOG.warn("{}; the inbox consumer subscribes anyway and is assigned it once it exists", e.getMessage());
        }
    }
}
