package dev.zendo.realtimeedge.fanout;

import dev.zendo.events.v1.ConversationAccess;
import dev.zendo.events.v1.Envelope;
import dev.zendo.realtimeedge.auth.AgentCredentials;
import dev.zendo.realtimeedge.auth.AgentRole;
import dev.zendo.realtimeedge.auth.Credentials;
import dev.zendo.realtimeedge.auth.VisitorCredentials;

import java.util.UUID;

/**
 * Who receives an event (docs/protocol.md, "Audience"): visitors their own conversations' visitor-facing events;
 * agents who see all conversations everything but service events; agents of role {@code agent} website-level events
 * and the conversations they may read over REST (queued, assigned to them, or written in by them), plus the event that
 * takes one out of their sight.
 */
public final class Audience {

    private Audience() {
    }

    /**
     * Whether {@code credentials} receive {@code event} of {@code websiteId} on the connection {@code connectionId} of
     * node {@code nodeId} ({@code Envelope.connection_id} is {@code <nodeId>/<connectionId>}).
     */
    public static boolean admits(Credentials credentials, String nodeId, long connectionId, UUID websiteId, Envelope event) {
        return switch (event.getAudience()) {
            case AUDIENCE_CONNECTION -> event.hasConnectionId() && event.getConnectionId().equals(nodeId + "/" + connectionId);
            case AUDIENCE_CONVERSATION -> credentials instanceof VisitorCredentials visitor
                    ? event.hasVisitorId() && event.getVisitorId().equals(visitor.subject())
                    : agentReceives((AgentCredentials) credentials, websiteId, event);
            case AUDIENCE_AGENTS -> credentials instanceof AgentCredentials agent && agentReceives(agent, websiteId, event);
            case AUDIENCE_SERVICES, AUDIENCE_UNSPECIFIED, UNRECOGNIZED -> false;
        };
    }

    /** Whether an agent of role {@code role} may read a conversation with this access over REST (conversations' Visibility). */
    public static boolean agentSees(AgentRole role, String agentId, ConversationAccess access) {
        return role.seesAll() || access.getQueued() || agentId.equals(access.getAssigneeId())
                || access.getParticipantIdsList().contains(agentId);
    }

    private static boolean agentReceives(AgentCredentials agent, UUID websiteId, Envelope event) {
        AgentRole role = agent.websites().get(websiteId);
        if (role == null) {
            return false;
        }
        if (!event.hasConversationId()) {
            return true;
        }
        ConversationAccess access = event.getAccess();
        return agentSees(role, agent.agentId(), access) || access.getWasQueued()
                || agent.agentId().equals(access.getPreviousAssigneeId());
    }
}
