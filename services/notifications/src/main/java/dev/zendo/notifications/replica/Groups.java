package dev.zendo.notifications.replica;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/** The replica of groups' members: each GroupChanged carries a group's whole membership, which replaces the stored one. */
@Singleton
public class Groups {

    private static final String CLEAR = "DELETE FROM group_member WHERE group_id = ?";
    private static final String ADD = "INSERT INTO group_member (group_id, website_id, agent_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";

    void replace(Connection connection, UUID websiteId, String groupId, Collection<String> agentIds) throws SQLException {
        try (PreparedStatement clear = connection.prepareStatement(CLEAR)) {
            clear.setString(1, groupId);
            clear.executeUpdate();
        }
        try (PreparedStatement add = connection.prepareStatement(ADD)) {
            for (String agentId : agentIds) {
                add.setString(1, groupId);
                add.setObject(2, websiteId);
                add.setString(3, agentId);
                add.addBatch();
            }
            add.executeBatch();
        }
    }
}
