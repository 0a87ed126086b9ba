package dev.zendo.realtimeedge.support

import dev.zendo.events.v1.Actor
import dev.zendo.events.v1.ConversationAccess
import dev.zendo.realtimeedge.commands.ClientCommands
import dev.zendo.realtimeedge.presence.AgentPresence
import dev.zendo.realtimeedge.typing.TypingSignals

import java.util.concurrent.CopyOnWriteArrayList

/**
 * Records what the edge core asks of presence, typing and commands, so specs of the core can check the calls; the
 * real implementations (Redis and Kafka) have their own specs.
 */
class Recorded implements AgentPresence, TypingSignals, ClientCommands {

    final List<List> calls = new CopyOnWriteArrayList<>()

    @Override
    void connected(String agentId, Set<UUID> websiteIds) {
        calls << ['connected', agentId, websiteIds]
    }

    @Override
    void disconnected(String agentId, Set<UUID> websiteIds) {
        calls << ['disconnected', agentId, websiteIds]
    }

    @Override
    void away(String agentId, Set<UUID> websiteIds, boolean away) {
        calls << ['away', agentId, websiteIds, away]
    }

    @Override
    void typing(UUID websiteId, UUID conversationId, UUID visitorId, Actor participant, boolean typing, ConversationAccess access) {
        calls << ['typing', websiteId, conversationId, visitorId, participant.id, typing]
    }

    @Override
    void read(UUID websiteId, UUID conversationId, Actor reader, long seq) {
        calls << ['read', websiteId, conversationId, reader.id, seq]
    }
}
