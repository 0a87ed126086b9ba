package dev.zendo.notifications.replica;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** The replica of visitors: the name and the email (verified, else the one the visitor gave) to answer them at. */
@Singleton
public class Visitors {

    private static final String UPSERT = """
            INSERT INTO visitor (id, website_id, name, email) VALUES (?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email""";
    private static final String FIND = "SELECT id, name, email FROM visitor WHERE id = ?";

    /** Stores the visitor's details as its latest event tells them. */
    public void upsert(Connection connection, String id, UUID websiteId, String name, String email) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, id);
            upsert.setObject(2, websiteId);
            upsert.setString(3, name.strip());
            upsert.setString(4, email.strip());
            upsert.executeUpdate();
        }
    }

    /** The visitor, when known. */
    public Optional<Visitor> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(FIND)) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Visitor(row.getString(1), row.getString(2), row.getString(3))) : Optional.empty();
            }
        }
    }

    /** A visitor: its name and email, each empty when unknown. */
    public record Visitor(String id, String name, String email) {
    }
}
