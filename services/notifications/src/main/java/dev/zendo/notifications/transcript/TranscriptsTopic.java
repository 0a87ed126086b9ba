package dev.zendo.notifications.transcript;

import dev.zendo.platform.kafka.StartupTopic;
import dev.zendo.platform.kafka.TopicProvisioner;
import jakarta.inject.Singleton;

/**
 * Makes sure the transcripts topic exists at startup, so the inbox consumer is assigned its partitions at once even
 * before conversations published the first transcript.
 */
@Singleton
class TranscriptsTopic extends StartupTopic {

    TranscriptsTopic(TopicProvisioner topics, TranscriptSettings settings) {
        super(topics, settings.topic(), "the inbox consumer subscribes anyway and is assigned it once it exists");
    }
}
