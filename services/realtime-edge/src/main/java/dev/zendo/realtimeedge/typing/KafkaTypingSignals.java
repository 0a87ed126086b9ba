package dev.zendo.realtimeedge.typing;

import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.Audience;
import dev.zendo.events.v1.ConversationAccess;
import dev.zendo.events.v1.Envelope;
import dev.zendo.events.v1.TypingChanged;
import dev.zendo.platform.kafka.KafkaSettings;
import dev.zendo.realtimeedge.commands.EdgeProducer;
import jakarta.inject.Singleton;

import java.util.UUID;

/** Publishes the typing signals the throttle lets through to the website topic, keyed by conversation. */
@Singleton
class KafkaTypingSignals implements TypingSignals {

    private final TypingThrottle throttle;
    private final EdgeProducer producer;

    KafkaTypingSignals(TypingThrottle throttle, EdgeProducer producer) {
        this.throttle = throttle;
        this.producer = producer;
    }

    @Override
    public void typing(UUID websiteId, UUID conversationId, UUID visitorId, Actor participant, boolean typing,
                       ConversationAccess access) {
        if (!throttle.admit(conversationId, participant, typing)) {
            return;
        }
        Envelope.Builder event = Envelope.newBuilder()
                .setWebsiteId(websiteId.toString())
                .setConversationId(conversationId.toString())
                .setAudience(Audience.AUDIENCE_CONVERSATION)
                .setEphemeral(true)
                .setActor(participant)
                .setTypingChanged(TypingChanged.newBuilder()
                        .setConversationId(conversationId.toString())
                        .setParticipant(participant)
                        .setTyping(typing));
        if (visitorId != null) {
            event.setVisitorId(visitorId.toString());
        }
        if (access != null) {
            event.setAccess(access);
        }
        producer.publish(KafkaSettings.SITE_TOPIC_PREFIX + websiteId, conversationId.toString(), event);
    }
}
