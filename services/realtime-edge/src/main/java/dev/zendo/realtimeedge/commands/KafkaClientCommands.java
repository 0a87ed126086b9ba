package dev.zendo.realtimeedge.commands;

import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.Audience;
import dev.zendo.events.v1.Envelope;
import dev.zendo.events.v1.ReadRequested;
import dev.zendo.platform.kafka.KafkaSettings;
import jakarta.inject.Singleton;

import java.util.UUID;

/** Publishes clients' commands as events on {@value #TOPIC}, keyed by conversation so each one's commands stay in order. */
@Singleton
class KafkaClientCommands implements ClientCommands {

    /** Where conversations consumes the commands clients send over the edge. */
    static final String TOPIC = KafkaSettings.COMMANDS_TOPIC;

    private final EdgeProducer producer;

    KafkaClientCommands(EdgeProducer producer) {
        this.producer = producer;
    }

    @Override
    public void read(UUID websiteId, UUID conversationId, Actor reader, long seq) {
        producer.publish(TOPIC, conversationId.toString(), Envelope.newBuilder()
                .setWebsiteId(websiteId.toString())
                .setConversationId(conversationId.toString())
                .setAudience(Audience.AUDIENCE_SERVICES)
                .setActor(reader)
                .setReadRequested(ReadRequested.newBuilder()
                        .setConversationId(conversationId.toString())
                        .setReader(reader)
                        .setSeq(seq)));
    }
}
