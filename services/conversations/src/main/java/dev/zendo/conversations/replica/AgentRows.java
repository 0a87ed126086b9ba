package dev.zendo.conversations.replica;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The {@code replica_agents} rows: agents' names, avatars and disabled state. */
@Singleton
class AgentRows {

    private static final String REGISTERED = """
            INSERT INTO replica_agents (agent_id, name) VALUES (?, ?)
            ON CONFLICT (agent_id) DO UPDATE SET name = excluded.name""";
    private static final String UPDATED = """
            INSERT INTO replica_agents (agent_id, name, avatar_url) VALUES (?, ?, ?)
            ON CONFLICT (agent_id) DO UPDATE SET name = excluded.name, avatar_url = excluded.avatar_url""";
    private static final String DISABLED = """
            INSERT INTO replica_agents (agent_id, name, disabled) VALUES (?, '', TRUE)
            ON CONFLICT (agent_id) DO UPDATE SET disabled = TRUE""";

    void registered(Connection connection, String agentId, String name) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(REGISTERED)) {
            upsert.setString(1, agentId);
            upsert.setString(2, name);
            upsert.executeUpdate();
        }
    }

    void updated(Connection connection, String agentId, String name, String avatarUrl) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPDATED)) {
            upsert.setString(1, agentId);
            upsert.setString(2, name);
            upsert.setString(3, avatarUrl);
            upsert.executeUpdate();
        }
    }

    /** Marks the agent disabled; an agent not seen before gets a row without a name. */
    void disabled(Connection connection, String agentId) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(DISABLED)) {
            upsert.setString(1, agentId);
            upsert.executeUpdate();
        }
    }
}
