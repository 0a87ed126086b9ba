package dev.zendo.conversations.routing;

import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ActorKind;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * The system lines that show an assignment in the conversation: "Ana joined" when an agent takes a thread or routing
 * gives it to them, "Assigned to Ana" or "Transferred to Sales" when someone else moves it, "Returned to the queue" when
 * routing takes it back from an agent who went offline.
 */
@Singleton
class AssignmentLines {

    private static final String AGENT_NAME = "SELECT name FROM replica_agents WHERE agent_id = ?";
    private static final String GROUP_NAME = "SELECT name FROM replica_groups WHERE group_id = ?";

    private final RoutingJdbc sql;

    AssignmentLines(RoutingJdbc sql) {
        this.sql = sql;
    }

    /** The line for giving a thread to {@code agentId} by {@code by}; {@code previousAgentId} is who had it, or null. */
    String toAgent(String agentId, String previousAgentId, Actor by) {
        String name = sql.one(AGENT_NAME, row -> row.getString(1), agentId).orElse("An agent");
        boolean themselves = by.getKind() == ActorKind.ACTOR_KIND_AGENT && by.getId().equals(agentId);
        if (themselves || by.equals(Assignments.ROUTING)) {
            return name + " joined";
        }
        return (previousAgentId == null ? "Assigned to " : "Transferred to ") + name;
    }

    /** The line for putting a thread in {@code groupId}'s queue; {@code previousAgentId} is who had it, or null. */
    String toGroup(UUID groupId, String previousAgentId) {
        String name = sql.one(GROUP_NAME, row -> row.getString(1), groupId).orElse("another group");
        return (previousAgentId == null ? "Assigned to " : "Transferred to ") + name;
    }

    /** The line for taking a thread back from an agent who has been offline too long. */
    String returned() {
        return "Returned to the queue";
    }
}
