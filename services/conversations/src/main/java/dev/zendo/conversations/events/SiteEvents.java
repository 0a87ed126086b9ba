package dev.zendo.conversations.events;

import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.Audience;
import dev.zendo.events.v1.Envelope;
import dev.zendo.outbox.Events;
import dev.zendo.outbox.Outbox;
import dev.zendo.platform.kafka.KafkaSettings;
import jakarta.inject.Singleton;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Adds a conversation event to the outbox in the caller's transaction: published to {@code zendo.site.<websiteId>},
 * keyed by conversation id so one conversation's events keep their commit order, with the audience the edge obeys.
 */
@Singleton
public class SiteEvents {

    private final Outbox outbox;

    SiteEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The topic of everything inside one website. */
    public static String topic(UUID websiteId) {
        return KafkaSettings.SITE_TOPIC_PREFIX + websiteId;
    }

    /** Publishes an event the conversation's visitor and the website's agents receive. */
    public void toConversation(UUID websiteId, UUID conversationId, UUID visitorId, Actor actor, Consumer<Envelope.Builder> payload) {
        publish(websiteId, conversationId, visitorId, actor, Audience.AUDIENCE_CONVERSATION, payload);
    }

    /** Publishes an event only the website's agents receive (internal notes, visitor details, tags). */
    public void toAgents(UUID websiteId, UUID conversationId, UUID visitorId, Actor actor, Consumer<Envelope.Builder> payload) {
        publish(websiteId, conversationId, visitorId, actor, Audience.AUDIENCE_AGENTS, payload);
    }

    private void publish(UUID websiteId, UUID conversationId, UUID visitorId, Actor actor, Audience audience,
                         Consumer<Envelope.Builder> payload) {
        Envelope.Builder envelope = Events.envelope()
                .setWebsiteId(websiteId.toString())
                .setAudience(audience)
                .setActor(actor);
        String key = websiteId.toString();
        if (conversationId != null) {
            envelope.setConversationId(conversationId.toString());
            key = conversationId.toString();
        }
        if (visitorId != null) {
            envelope.setVisitorId(visitorId.toString());
        }
        payload.accept(envelope);
        outbox.append(topic(websiteId), key, Events.build(envelope));
    }
}
