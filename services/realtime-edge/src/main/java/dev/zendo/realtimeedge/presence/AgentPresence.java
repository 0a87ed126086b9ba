package dev.zendo.realtimeedge.presence;

import java.util.Set;
import java.util.UUID;

/**
 * Agents' presence per website, kept in Redis under the key contract of docs/protocol.md and announced as
 * {@code agent:online} / {@code agent:away} / {@code agent:offline} exactly once across all nodes. Calls never block
 * the caller: the work runs on the presence executor.
 */
public interface AgentPresence {

    /** One more connection of {@code agentId} on this node is authenticated for {@code websiteIds}. */
    void connected(String agentId, Set<UUID> websiteIds);

    /** One connection of {@code agentId} on this node left {@code websiteIds} (closed, or re-authenticated without them). */
    void disconnected(String agentId, Set<UUID> websiteIds);

    /** The agent set itself away ({@code true}) or back online ({@code false}) in {@code websiteIds}. */
    void away(String agentId, Set<UUID> websiteIds, boolean away);
}
