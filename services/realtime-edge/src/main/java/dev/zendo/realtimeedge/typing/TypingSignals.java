package dev.zendo.realtimeedge.typing;

import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ConversationAccess;

import java.util.UUID;

/**
 * Produces typing signals to the website topic as ephemeral events, at most one per second per conversation and
 * sender (a change of state always passes; a draft held back goes out when the second is over, the latest one).
 * The caller has checked that the sender takes part in the conversation. Never blocks the caller.
 */
public interface TypingSignals {

    /**
     * {@code participant} started ({@code typing}) or stopped typing in the conversation. {@code visitorId} is the
     * conversation's visitor (null when unknown: then only agents receive it); {@code draft} is what the visitor has
     * typed so far, only when the website shows it to agents (else null): a signal with a draft goes to agents only, as
     * {@code TypingChanged.preview}; {@code access} is copied onto the event.
     */
    void typing(UUID websiteId, UUID conversationId, UUID visitorId, Actor participant, boolean typing, String draft,
                ConversationAccess access);
}
