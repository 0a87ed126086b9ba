package dev.zendo.conversations.replica;

import dev.zendo.events.v1.Envelope;
import dev.zendo.inbox.EventHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import static dev.zendo.inbox.EventFields.optional;
import static dev.zendo.inbox.EventFields.required;

/**
 * Replicates the identity service's lifecycle topic: agents' names, avatars and disabled state (never their email).
 * Events of one agent arrive in order (keyed by agent id); each carries what it changes, so an agent first seen
 * through a later event still gets a row. Event types added later are skipped.
 */
@Singleton
class IdentityReplicaHandler implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityReplicaHandler.class);

    private final ReplicaSettings settings;
    private final AgentRows agents;

    IdentityReplicaHandler(ReplicaSettings settings, AgentRows agents) {
        this.settings = settings;
        this.agents = agents;
    }

    @Override
    public Set<String> topics() {
        return Set.of(settings.identityTopic());
    }

    @Override
    public void handle(Envelope event, Connection connection) throws SQLException {
        switch (event.getPayloadCase()) {
            case AGENT_REGISTERED -> agents.registered(connection,
                    required("agent_id", event.getAgentRegistered().getAgentId()), event.getAgentRegistered().getName());
            case AGENT_UPDATED -> agents.updated(connection, required("agent_id", event.getAgentUpdated().getAgentId()),
                    event.getAgentUpdated().getName(), optional(event.getAgentUpdated().getAvatarUrl()));
            case AGENT_DISABLED -> agents.disabled(connection, required("agent_id", event.getAgentDisabled().getAgentId()));
            default -> LOG.debug("replica: {} event {} is not replicated", event.getType(), event.getEventId());
        }
    }
}
