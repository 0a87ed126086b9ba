package dev.zendo.conversations.events;

import dev.zendo.conversations.conversation.LockedConversation;
import dev.zendo.conversations.thread.ThreadStatus;

/**
 * Who could see a conversation just before a change that may take it out of an agent's sight (an assignment, a
 * transfer, a return to the queue, a close, a reopen, a new thread): published as {@code Envelope.access}'s
 * {@code previous_assignee_id} and {@code was_queued}.
 *
 * @param assigneeId the agent the conversation was assigned to, null when nobody had it
 * @param queued     whether its current thread waited in the queue
 */
public record AccessBefore(String assigneeId, boolean queued) {

    /** The state of a conversation as it was locked, before the transaction changed it. */
    public static AccessBefore of(LockedConversation conversation) {
        return new AccessBefore(conversation.agentId(),
                conversation.status() == ThreadStatus.PENDING && conversation.currentThreadId() != null);
    }
}
