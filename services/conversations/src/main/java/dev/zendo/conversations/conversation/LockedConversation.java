package dev.zendo.conversations.conversation;

import dev.zendo.conversations.thread.ThreadStatus;

import java.util.UUID;

/**
 * A conversation row locked until the end of the current transaction, as it was when the lock was taken.
 *
 * @param id              the conversation's id
 * @param websiteId       its website
 * @param visitorId       its visitor
 * @param lastSeq         the seq of its latest message
 * @param currentThreadId its latest thread, null before the first
 * @param status          the current thread's status ({@code CLOSED} before the first thread)
 * @param groupId         the current thread's group
 * @param agentId         the current thread's agent
 * @param defaultGroupId  the website's default group from the replica, where new threads wait; may be null
 */
public record LockedConversation(UUID id, UUID websiteId, UUID visitorId, long lastSeq, UUID currentThreadId,
                                 ThreadStatus status, UUID groupId, String agentId, UUID defaultGroupId) {

    /** Whether the conversation has a thread that is still going on. */
    public boolean hasOpenThread() {
        return currentThreadId != null && status.open();
    }
}
