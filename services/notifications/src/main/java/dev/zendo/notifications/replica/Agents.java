package dev.zendo.notifications.replica;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The replica of identity's agents: their email, name, whether the email is verified and whether they are disabled. */
@Singleton
public class Agents {

    private static final String UPSERT = """
            INSERT INTO agent (id, email, name, email_verified) VALUES (?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET email = excluded.email, name = excluded.name,
                email_verified = excluded.email_verified""";
    private static final String DISABLE = """
            INSERT INTO agent (id, disabled) VALUES (?, TRUE) ON CONFLICT (id) DO UPDATE SET disabled = TRUE""";
    private static final String FIND = "SELECT id, email, name, email_verified, disabled FROM agent WHERE id = ?";

    void upsert(Connection connection, String id, String email, String name, boolean emailVerified) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, id);
            upsert.setString(2, email);
            upsert.setString(3, name);
            upsert.setBoolean(4, emailVerified);
            upsert.executeUpdate();
        }
    }

    void disable(Connection connection, String id) throws SQLException {
        try (PreparedStatement disable = connection.prepareStatement(DISABLE)) {
            disable.setString(1, id);
            disable.executeUpdate();
        }
    }

    /** The agent, when the replica knows them. */
    public Optional<Agent> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, id);
            try (ResultSet row = find.executeQuery()) {
                return row.next() ? Optional.of(agent(row)) : Optional.empty();
            }
        }
    }

    static Agent agent(ResultSet row) throws SQLException {
        return new Agent(row.getString(1), row.getString(2), row.getString(3), row.getBoolean(4), row.getBoolean(5));
    }

    /** What the replica holds of one agent. */
    public record Agent(String id, String email, String name, boolean emailVerified, boolean disabled) {

        /** Whether mail can be sent to them at all. */
        public boolean reachable() {
            return !disabled && !email.isBlank();
        }
    }
}
