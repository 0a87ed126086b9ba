package dev.zendo.realtimeedge.presence;

import dev.zendo.events.v1.PresenceStatus;

import java.util.UUID;

/** An agent's announced presence in a website changed: announced once across all nodes, {@code version} counting up. */
record PresenceTransition(UUID websiteId, String agentId, PresenceStatus status, long version) {
}
