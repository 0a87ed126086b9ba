package dev.zendo.conversations.thread;

import java.util.UUID;

/**
 * Published in-process when an agent's active thread ends (resolved, closed, transferred away), so routing can hand
 * the agent the next waiting thread once the transaction that freed the slot commits.
 */
public record SlotFreed(UUID websiteId, String agentId) {
}
