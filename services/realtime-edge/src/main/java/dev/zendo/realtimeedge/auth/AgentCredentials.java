package dev.zendo.realtimeedge.auth;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An agent admitted by a realtime ticket.
 *
 * @param agentId   the ticket's subject
 * @param websites  the websites the ticket names, with the agent's role in each
 * @param expiresAt the ticket's expiry
 */
public record AgentCredentials(String agentId, Map<UUID, AgentRole> websites, Instant expiresAt) implements Credentials {

    public AgentCredentials {
        websites = Map.copyOf(websites);
    }

    @Override
    public String subject() {
        return agentId;
    }
}
