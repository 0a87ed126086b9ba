package dev.zendo.identity.agent;

import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ActorKind;
import dev.zendo.events.v1.AgentDisabled;
import dev.zendo.events.v1.AgentRegistered;
import dev.zendo.events.v1.AgentUpdated;
import dev.zendo.events.v1.Audience;
import dev.zendo.events.v1.Envelope;
import dev.zendo.identity.IdentitySettings;
import dev.zendo.outbox.Events;
import dev.zendo.outbox.Outbox;
import jakarta.inject.Singleton;

import java.util.Objects;
import java.util.function.UnaryOperator;

/** Appends agent events to the outbox in the caller's transaction, keyed by agent id, for services only. */
@Singleton
public class AgentEvents {

    private final Outbox outbox;
    private final String topic;

    AgentEvents(Outbox outbox, IdentitySettings settings) {
        this.outbox = outbox;
        this.topic = settings.topic();
    }

    public void registered(Agent agent) {
        append(agent, event -> event.setAgentRegistered(AgentRegistered.newBuilder()
                .setAgentId(agent.id().toString())
                .setEmail(agent.email())
                .setName(agent.name())
                .setEmailVerified(agent.emailVerified())));
    }

    public void updated(Agent agent) {
        append(agent, event -> event.setAgentUpdated(AgentUpdated.newBuilder()
                .setAgentId(agent.id().toString())
                .setEmail(agent.email())
                .setName(agent.name())
                .setAvatarUrl(Objects.requireNonNullElse(agent.avatarUrl(), ""))
                .setEmailVerified(agent.emailVerified())));
    }

    public void disabled(Agent agent) {
        append(agent, event -> event.setAgentDisabled(AgentDisabled.newBuilder().setAgentId(agent.id().toString())));
    }

    /** Appends the event {@code payload} sets on an envelope caused by {@code agent}. */
    public void append(Agent agent, UnaryOperator<Envelope.Builder> payload) {
        Envelope.Builder envelope = Events.envelope()
                .setAudience(Audience.AUDIENCE_SERVICES)
                .setActor(Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_AGENT).setId(agent.id().toString()));
        outbox.append(topic, agent.id().toString(), Events.build(payload.apply(envelope)));
    }
}
