package dev.zendo.websites.events;

import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ActorKind;
import dev.zendo.events.v1.Audience;
import dev.zendo.events.v1.Envelope;
import dev.zendo.outbox.Events;
import dev.zendo.outbox.Outbox;
import dev.zendo.platform.kafka.KafkaSettings;
import jakarta.inject.Singleton;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Adds the events of a state change to the outbox, in the caller's transaction: lifecycle events go to
 * {@code zendo.websites} for other services; what dashboards show live goes to the website's own topic as well.
 */
@Singleton
public class EventPublisher {

    /** Where other services learn about websites, keyed by website id. */
    public static final String WEBSITES_TOPIC = "zendo.websites";

    private final Outbox outbox;

    EventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The topic of everything inside one website. */
    public static String siteTopic(UUID websiteId) {
        return KafkaSettings.SITE_TOPIC_PREFIX + websiteId;
    }

    /** Publishes an event for other services only, on {@code zendo.websites}. */
    public void toServices(UUID websiteId, String actorAgentId, Consumer<Envelope.Builder> payload) {
        outbox.append(WEBSITES_TOPIC, websiteId.toString(), envelope(websiteId, actorAgentId, Audience.AUDIENCE_SERVICES, payload));
    }

    /** Publishes an event for other services and, as a separate event, for the website's agents on its own topic. */
    public void toServicesAndAgents(UUID websiteId, String actorAgentId, Consumer<Envelope.Builder> payload) {
        toServices(websiteId, actorAgentId, payload);
        outbox.append(siteTopic(websiteId), websiteId.toString(), envelope(websiteId, actorAgentId, Audience.AUDIENCE_AGENTS, payload));
    }

    private static Envelope envelope(UUID websiteId, String actorAgentId, Audience audience, Consumer<Envelope.Builder> payload) {
        Envelope.Builder envelope = Events.envelope()
                .setWebsiteId(websiteId.toString())
                .setAudience(audience)
                .setActor(Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_AGENT).setId(actorAgentId));
        payload.accept(envelope);
        return Events.build(envelope);
    }
}
