package dev.zendo.realtimeedge.presence;

import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ActorKind;
import dev.zendo.events.v1.Audience;
import dev.zendo.events.v1.Envelope;
import dev.zendo.events.v1.PresenceChanged;
import dev.zendo.platform.kafka.KafkaSettings;
import dev.zendo.realtimeedge.commands.EdgeProducer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.List;

/** Tells the website's agents about presence transitions: one ephemeral {@code PresenceChanged} each, keyed by agent. */
@Singleton
class PresenceAnnouncer {

    private final EdgeProducer producer;
    private final MeterRegistry meters;

    PresenceAnnouncer(EdgeProducer producer, MeterRegistry meters) {
        this.producer = producer;
        this.meters = meters;
    }

    void announce(List<PresenceTransition> transitions) {
        for (PresenceTransition transition : transitions) {
            producer.publish(KafkaSettings.SITE_TOPIC_PREFIX + transition.websiteId(), transition.agentId(), Envelope.newBuilder()
                    .setWebsiteId(transition.websiteId().toString())
                    .setAudience(Audience.AUDIENCE_AGENTS)
                    .setEphemeral(true)
                    .setActor(Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_AGENT).setId(transition.agentId()))
                    .setPresenceChanged(PresenceChanged.newBuilder()
                            .setAgentId(transition.agentId())
                            .setStatus(transition.status())
                            .setVersion(transition.version())));
            Counter.builder("zendo.realtime.presence.transitions")
                    .description("Presence transitions this node announced")
                    .tag("status", transition.status().name())
                    .register(meters)
                    .increment();
        }
    }
}
