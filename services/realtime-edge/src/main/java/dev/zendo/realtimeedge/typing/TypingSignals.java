package dev.zendo.realtimeedge.typing;

import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ConversationAccess;

import java.util.UUID;

/**
 * Produces typing signals to the website topic as ephemeral events, at most one per second per conversation and
 * sender (a change of state always passes). The caller has checked that the sender takes part in the conversation.
 * Never blocks the caller.
 */
public interface TypingSignals {

    /**
     * {@code participant} started ({@code typing}) or stopped typing in the conversation. {@code visitorId} is the
     * conversation's visitor (null when unknown: then only agents receive it); {@code access} is copied onto the event.
     */
    void typing(UUID websiteId, UUID conversationId, UUID visitorId, Actor participant, boolean typing,
                ConversationAccess access);
}
