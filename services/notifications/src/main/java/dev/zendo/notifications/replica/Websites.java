package dev.zendo.notifications.replica;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** The replica of websites: the name mails show, the language of the widget, and whether the website is live. */
@Singleton
public class Websites {

    private static final String UPSERT = """
            INSERT INTO website (id, name, language, deleted) VALUES (?, ?, ?, FALSE)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, language = excluded.language""";
    private static final String SET_DELETED = "UPDATE website SET deleted = ? WHERE id = ?";
    private static final String FIND = "SELECT id, name, language FROM website WHERE id = ? AND NOT deleted";

    void upsert(Connection connection, UUID id, String name, String language) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setObject(1, id);
            upsert.setString(2, name);
            upsert.setString(3, language.isBlank() ? "en" : language);
            upsert.executeUpdate();
        }
    }

    void setDeleted(Connection connection, UUID id, boolean deleted) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(SET_DELETED)) {
            update.setBoolean(1, deleted);
            update.setObject(2, id);
            update.executeUpdate();
        }
    }

    /** The website, when it is live. */
    public Optional<Website> find(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setObject(1, id);
            try (ResultSet row = find.executeQuery()) {
                return row.next() ? Optional.of(new Website(row.getObject(1, UUID.class), row.getString(2), row.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /** What the replica holds of one live website. */
    public record Website(UUID id, String name, String language) {
    }
}
