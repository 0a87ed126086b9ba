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
 * This is the only publisher of site events. Every event of a conversation carries its {@code access} as the
 * transaction left it (callers publish after their change), so the edge shows each agent exactly what it may read.
 */
@Singleton
public class SiteEvents {

    private final Outbox outbox;
    private final AccessReader access;

    SiteEvents(Outbox outbox, AccessReader access) {
        this.outbox = outbox;
        this.access = access;
    }

    /** The topic of everything inside one website. */
    public static String topic(UUID websiteId) {
        return KafkaSettings.SITE_TOPIC_PREFIX + websiteId;
    }

    /** Publishes an event the conversation's visitor and the website's agents receive. */
    public void toConversation(UUID websiteId, UUID conversationId, UUID visitorId, Actor actor, Consumer<Envelope.Builder> payload) {
        publish(websiteId, conversationId, visitorId, actor, Audience.AUDIENCE_CONVERSATION, null, payload);
    }

    /**
     * Publishes an event of a change that may take the conversation out of an agent's sight (assignment, transfer,
     * queueing, close, reopen, new thread) to the visitor and the agents, with who could see it {@code before}.
     */
    public void toConversation(UUID websiteId, UUID conversationId, UUID visitorId, Actor actor, AccessBefore before,
                               Consumer<Envelope.Builder> payload) {
        publish(websiteId, conversationId, visitorId, actor, Audience.AUDIENCE_CONVERSATION, before, payload);
    }

    /** Publishes an event only the website's agents receive (internal notes, visitor details, tags). */
    public void toAgents(UUID websiteId, UUID conversationId, UUID visitorId, Actor actor, Consumer<Envelope.Builder> payload) {
        publish(websiteId, conversationId, visitorId, actor, Audience.AUDIENCE_AGENTS, null, payload);
    }

    private void publish(UUID websiteId, UUID conversationId, UUID visitorId, Actor actor, Audience audience,
                         AccessBefore before, Consumer<Envelope.Builder> payload) {
        Envelope.Builder envelope = Events.envelope()
                .setWebsiteId(websiteId.toString())
                .setAudience(audience)
                .setActor(actor);
        String key = websiteId.toString();
        if (conversationId != null) {
            envelope.setConversationId(conversationId.toString());
            access.of(conversationId, before).ifPresent(envelope::setAccess);
            key = conversationId.toString();
        }
        if (visitorId != null) {
            envelope.setVisitorId(visitorId.toString());
        }
        payload.accept(envelope);
        outbox.append(topic(websiteId), key, Events.build(envelope));
    }
}
