package dev.zendo.conversations.replica;

import dev.zendo.conversations.access.Role;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** The {@code replica_members} rows: each member's role and chat settings. */
@Singleton
class MemberRows {

    private static final String UPSERT = """
            INSERT INTO replica_members (website_id, agent_id, role, max_concurrent_chats, accepting_chats)
            SELECT website_id, ?, ?, ?, ? FROM replica_websites WHERE website_id = ?
            ON CONFLICT (website_id, agent_id) DO UPDATE SET role = excluded.role,
                max_concurrent_chats = excluded.max_concurrent_chats, accepting_chats = excluded.accepting_chats""";
    private static final String DELETE = "DELETE FROM replica_members WHERE website_id = ? AND agent_id = ?";

    /** Stores the member's full state (added or changed); false when the website is not replicated. */
    boolean upsert(Connection connection, UUID websiteId, String agentId, Role role, int maxConcurrentChats, boolean acceptingChats)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, agentId);
            upsert.setString(2, role.name());
            upsert.setInt(3, maxConcurrentChats);
            upsert.setBoolean(4, acceptingChats);
            upsert.setObject(5, websiteId);
            return upsert.executeUpdate() == 1;
        }
    }

    void remove(Connection connection, UUID websiteId, String agentId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setObject(1, websiteId);
            delete.setString(2, agentId);
            delete.executeUpdate();
        }
    }
}
