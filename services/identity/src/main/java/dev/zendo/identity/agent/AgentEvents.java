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

/** Appends agent lifecycle events to the outbox in the caller's transaction, keyed by agent id. */
@Singleton
public class AgentEvents {

    private final Outbox outbox;
    private final String topic;

    AgentEvents(Outbox outbox, IdentitySettings settings) {
        this.outbox = outbox;
        this.topic = settings.topic();
    }

    public void registered(Agent agent) {
        append(agent, envelope(agent).setAgentRegistered(AgentRegistered.newBuilder()
                .setAgentId(agent.id().toString())
                .setEmail(agent.email())
                .setName(agent.name())));
    }

    public void updated(Agent agent) {
        append(agent, envelope(agent).setAgentUpdated(AgentUpdated.newBuilder()
                .setAgentId(agent.id().toString())
                .setEmail(agent.email())
                .setName(agent.name())
                .setAvatarUrl(Objects.requireNonNullElse(agent.avatarUrl(), ""))));
    }

    public void disabled(Agent agent) {
        append(agent, envelope(agent).setAgentDisabled(AgentDisabled.newBuilder().setAgentId(agent.id().toString())));
    }

    private static Envelope.Builder envelope(Agent agent) {
        return Events.envelope()
                .setAudience(Audience.AUDIENCE_SERVICES)
                .setActor(Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_AGENT).setId(agent.id().toString()));
    }

    private void append(Agent agent, Envelope.Builder event) {
        outbox.append(topic, agent.id().toString(), Events.build(event));
    }
}
