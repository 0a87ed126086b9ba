package dev.zendo.realtimeedge.typing;

import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.Audience;
import dev.zendo.events.v1.ConversationAccess;
import dev.zendo.events.v1.Envelope;
import dev.zendo.events.v1.TypingChanged;
import dev.zendo.platform.kafka.KafkaSettings;
import dev.zendo.realtimeedge.commands.EdgeProducer;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.UUID;

/**
 * Publishes the typing signals the throttle lets through to the website topic, keyed by conversation; a draft the
 * throttle holds is published when its interval is over.
 */
@Singleton
class KafkaTypingSignals implements TypingSignals {

    private final TypingThrottle throttle;
    private final EdgeProducer producer;
    private final TaskScheduler scheduler;

    KafkaTypingSignals(TypingThrottle throttle, EdgeProducer producer, TaskScheduler scheduler) {
        this.throttle = throttle;
        this.producer = producer;
        this.scheduler = scheduler;
    }

    @Override
    public void typing(UUID websiteId, UUID conversationId, UUID visitorId, Actor participant, boolean typing, String draft,
                       ConversationAccess access) {
        TypingThrottle.Verdict verdict = throttle.offer(conversationId, participant, typing, draft);
        if (verdict.now()) {
            publish(websiteId, conversationId, visitorId, participant, typing, draft, access);
        } else if (verdict.flushAfterMillis() > 0) {
            scheduler.schedule(Duration.ofMillis(verdict.flushAfterMillis()), () -> {
                String latest = throttle.flush(conversationId, participant);
                if (latest != null) {
                    publish(websiteId, conversationId, visitorId, participant, true, latest, access);
                }
            });
        }
    }

    private void publish(UUID websiteId, UUID conversationId, UUID visitorId, Actor participant, boolean typing, String draft,
                         ConversationAccess access) {
        TypingChanged.Builder changed = TypingChanged.newBuilder()
                .setConversationId(conversationId.toString())
                .setParticipant(participant)
                .setTyping(typing);
        if (draft != null) {
            changed.setPreview(draft);
        }
        Envelope.Builder event = Envelope.newBuilder()
                .setWebsiteId(websiteId.toString())
                .setConversationId(conversationId.toString())
                .setAudience(draft == null ? Audience.AUDIENCE_CONVERSATION : Audience.AUDIENCE_AGENTS)
                .setEphemeral(true)
                .setActor(participant)
                .setTypingChanged(changed);
        if (visitorId != null) {
            event.setVisitorId(visitorId.toString());
        }
        if (access != null) {
            event.setAccess(access);
        }
        producer.publish(KafkaSettings.SITE_TOPIC_PREFIX + websiteId, conversationId.toString(), event);
    }
}
