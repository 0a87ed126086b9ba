package dev.zendo.conversations.commands;

import dev.zendo.platform.kafka.StartupTopic;
import dev.zendo.platform.kafka.TopicProvisioner;
import jakarta.inject.Singleton;

/**
 * Makes sure the commands topic exists at startup (with the broker's normal retention: a command is worth nothing
 * once applied), so the inbox consumer is assigned its partitions at once even when no edge has published yet.
 */
@Singleton
class CommandsTopic extends StartupTopic {

    CommandsTopic(TopicProvisioner topics, CommandSettings settings) {
        super(topics, settings.topic(), "the inbox consumer subscribes anyway and is assigned it once it exists");
    }
}
