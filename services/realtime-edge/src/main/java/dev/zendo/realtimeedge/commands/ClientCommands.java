package dev.zendo.realtimeedge.commands;

import dev.zendo.events.v1.Actor;

import java.util.UUID;

/**
 * What clients ask of conversations over the socket, published to {@code zendo.realtime.commands} (keyed by
 * conversation id) for conversations to apply. Never blocks the caller.
 */
public interface ClientCommands {

    /** {@code reader} has read the conversation up to and including {@code seq}. */
    void read(UUID websiteId, UUID conversationId, Actor reader, long seq);
}
