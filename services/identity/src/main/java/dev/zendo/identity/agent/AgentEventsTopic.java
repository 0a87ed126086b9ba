package dev.zendo.identity.agent;

import dev.zendo.identity.IdentitySettings;
import dev.zendo.platform.kafka.StartupTopic;
import dev.zendo.platform.kafka.TopicProvisioner;
import jakarta.inject.Singleton;

/** Creates the agent events topic at startup; if Kafka cannot be reached yet, the outbox relay creates it on first publish. */
@Singleton
class AgentEventsTopic extends StartupTopic {

    AgentEventsTopic(TopicProvisioner topics, IdentitySettings settings) {
        super(topics, settings.topic(), "the outbox relay will create it before publishing");
    }
}
