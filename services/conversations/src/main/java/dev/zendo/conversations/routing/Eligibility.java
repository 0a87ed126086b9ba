package dev.zendo.conversations.routing;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may get a thread of a group: members of the group (the website's default group when the thread has none or
 * its group is gone; every member when the group has no members) who are not viewers, not disabled, accepting chats,
 * available in presence (connected, not away), with fewer active threads in the website than their maximum.
 */
@Singleton
class Eligibility {

    private static final String GROUP = """
            SELECT group_id, routing FROM replica_groups WHERE group_id = ? AND website_id = ? AND NOT deleted""";

    private static final String DEFAULT_GROUP = """
            SELECT g.group_id, g.routing
            FROM replica_groups g
            LEFT JOIN replica_websites w ON w.website_id = g.website_id
            WHERE g.website_id = ? AND NOT g.deleted AND (g.is_default OR g.group_id = w.default_group_id)
            ORDER BY (g.group_id = w.default_group_id) IS TRUE DESC
            LIMIT 1""";

    private static final String MEMBERS = """
            SELECT m.agent_id, m.max_concurrent_chats
            FROM replica_members m
            LEFT JOIN replica_agents a ON a.agent_id = m.agent_id
            WHERE m.website_id = ? AND m.role <> 'VIEWER' AND m.accepting_chats AND NOT coalesce(a.disabled, FALSE)
              AND m.max_concurrent_chats > 0
              AND (?::uuid IS NULL
                   OR NOT EXISTS (SELECT 1 FROM replica_group_members WHERE group_id = ?::uuid)
                   OR m.agent_id IN (SELECT agent_id FROM replica_group_members WHERE group_id = ?::uuid))
            ORDER BY m.agent_id""";

    private final RoutingJdbc sql;

    Eligibility(RoutingJdbc sql) {
        this.sql = sql;
    }

    /** The group that routes a thread queued under {@code groupId} (which may be empty or gone), with its members. */
    RoutingGroup group(UUID websiteId, UUID groupId) {
        RoutingJdbc.Row<RoutingGroup> read = row -> {
            UUID id = row.getObject("group_id", UUID.class);
            return new RoutingGroup(id, Strategy.valueOf(row.getString("routing")), members(websiteId, id));
        };
        return Optional.ofNullable(groupId).flatMap(id -> sql.one(GROUP, read, id, websiteId))
                .or(() -> sql.one(DEFAULT_GROUP, read, websiteId))
                .orElseGet(() -> new RoutingGroup(null, Strategy.LEAST_LOADED, members(websiteId, null)));
    }

    /** The group's members who may take a thread right now, with their free slots. */
    List<Strategy.Candidate> candidates(RoutingGroup group, Presence.Snapshot presence, Map<String, Integer> active) {
        return group.members().stream()
                .filter(member -> presence.available(member.agentId()))
                .map(member -> new Strategy.Candidate(member.agentId(), member.maxConcurrentChats() - active.getOrDefault(member.agentId(), 0)))
                .filter(candidate -> candidate.free() > 0)
                .toList();
    }

    private List<Member> members(UUID websiteId, UUID groupId) {
        return sql.list(MEMBERS, row -> new Member(row.getString("agent_id"), row.getInt("max_concurrent_chats")),
                websiteId, groupId, groupId, groupId);
    }

    /** A member who could take the group's threads, presence and load aside. */
    record Member(String agentId, int maxConcurrentChats) {
    }

    /** The group a queue is routed by: its id (none when the website has no group), strategy and routable members. */
    record RoutingGroup(UUID id, Strategy strategy, List<Member> members) {
    }
}
