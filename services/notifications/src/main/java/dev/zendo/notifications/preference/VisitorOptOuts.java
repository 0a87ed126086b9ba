package dev.zendo.notifications.preference;

import dev.zendo.notifications.routing.NotificationKind;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/** Visitors' addresses that turned a kind of mail off for a website, through the link in such a mail. */
@Singleton
public class VisitorOptOuts {

    private static final String ADD = "INSERT INTO visitor_opt_out (website_id, email, kind) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String FIND = "SELECT 1 FROM visitor_opt_out WHERE website_id = ? AND email = ? AND kind = ?";

    /** Whether {@code email} turned {@code kind} off for the website. */
    public boolean optedOut(Connection connection, UUID websiteId, String email, NotificationKind kind) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(FIND)) {
            select.setObject(1, websiteId);
            select.setString(2, normal(email));
            select.setString(3, kind.wire());
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    void add(Connection connection, UUID websiteId, String email, NotificationKind kind) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(ADD)) {
            insert.setObject(1, websiteId);
            insert.setString(2, normal(email));
            insert.setString(3, kind.wire());
            insert.executeUpdate();
        }
    }

    private static String normal(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
