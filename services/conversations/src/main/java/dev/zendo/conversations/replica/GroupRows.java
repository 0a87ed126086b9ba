package dev.zendo.conversations.replica;

import dev.zendo.inbox.EventFields;
import dev.zendo.events.v1.GroupChanged;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.UUID;

import static dev.zendo.inbox.EventFields.required;
import static dev.zendo.inbox.EventFields.uuid;

/**
 * The {@code replica_groups} and {@code replica_group_members} rows, from the full state each group event carries.
 * A live default group is the website's one default: the others stop being default and the website points at it.
 */
@Singleton
class GroupRows {

    private static final String UPSERT = """
            INSERT INTO replica_groups (group_id, website_id, name, routing, is_default, deleted)
            SELECT ?, website_id, ?, ?, ?, ? FROM replica_websites WHERE website_id = ?
            ON CONFLICT (group_id) DO UPDATE SET name = excluded.name, routing = excluded.routing,
                is_default = excluded.is_default, deleted = excluded.deleted
            WHERE replica_groups.website_id = excluded.website_id""";
    private static final String CLEAR_MEMBERS = "DELETE FROM replica_group_members WHERE group_id = ?";
    private static final String ADD_MEMBER = "INSERT INTO replica_group_members (group_id, agent_id) VALUES (?, ?)";
    private static final String ONE_DEFAULT = "UPDATE replica_groups SET is_default = FALSE WHERE website_id = ? AND group_id <> ? AND is_default";
    private static final String POINT_WEBSITE = "UPDATE replica_websites SET default_group_id = ? WHERE website_id = ?";

    /** Stores the group's full state and members; false when its website is not replicated. */
    boolean changed(Connection connection, UUID websiteId, GroupChanged event) throws SQLException {
        UUID groupId = uuid("group_id", event.getGroupId());
        boolean isDefault = event.getIsDefault() && !event.getDeleted();
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setObject(1, groupId);
            upsert.setString(2, event.getName());
            upsert.setString(3, routing(event));
            upsert.setBoolean(4, isDefault);
            upsert.setBoolean(5, event.getDeleted());
            upsert.setObject(6, websiteId);
            if (upsert.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement clear = connection.prepareStatement(CLEAR_MEMBERS)) {
            clear.setObject(1, groupId);
            clear.executeUpdate();
        }
        try (PreparedStatement add = connection.prepareStatement(ADD_MEMBER)) {
            for (String agentId : new LinkedHashSet<>(event.getMemberAgentIdsList())) {
                add.setObject(1, groupId);
                add.setString(2, required("member_agent_ids[]", agentId));
                add.addBatch();
            }
            add.executeBatch();
        }
        if (isDefault) {
            makeDefault(connection, websiteId, groupId);
        }
        return true;
    }

    private static void makeDefault(Connection connection, UUID websiteId, UUID groupId) throws SQLException {
        try (PreparedStatement others = connection.prepareStatement(ONE_DEFAULT)) {
            others.setObject(1, websiteId);
            others.setObject(2, groupId);
            others.executeUpdate();
        }
        try (PreparedStatement website = connection.prepareStatement(POINT_WEBSITE)) {
            website.setObject(1, groupId);
            website.setObject(2, websiteId);
            website.executeUpdate();
        }
    }

    private static String routing(GroupChanged event) {
        return switch (event.getRouting()) {
            case ROUTING_STRATEGY_ROUND_ROBIN -> "ROUND_ROBIN";
            case ROUTING_STRATEGY_LEAST_LOADED -> "LEAST_LOADED";
            case ROUTING_STRATEGY_STICKY -> "STICKY";
            default -> throw new EventFields.MalformedEvent("routing is " + event.getRouting());
        };
    }
}
