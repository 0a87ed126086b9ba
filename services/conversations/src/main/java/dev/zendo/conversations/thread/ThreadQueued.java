package dev.zendo.conversations.thread;

import java.util.UUID;

/**
 * Published in-process when a thread starts waiting for an agent (a new or reopened thread, or one taken from an agent);
 * routing takes it after the transaction that queued it commits.
 */
public record ThreadQueued(UUID websiteId, UUID conversationId, UUID threadId, UUID groupId) {
}
