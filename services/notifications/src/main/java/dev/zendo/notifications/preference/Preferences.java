package dev.zendo.notifications.preference;

import dev.zendo.notifications.routing.NotificationKind;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Members' choices of optional mails per website. A kind the member never chose is off (opt-in), except an offline
 * message: a visitor who found nobody online is waiting for an answer, so that mail goes until it is turned off.
 */
@Singleton
public class Preferences {

    private static final String WANTS = "SELECT email FROM notification_preference WHERE agent_id = ? AND website_id = ? AND kind = ?";
    private static final String ALL = "SELECT kind, email FROM notification_preference WHERE agent_id = ? AND website_id = ?";
    private static final String SET = """
            INSERT INTO notification_preference (agent_id, website_id, kind, email) VALUES (?, ?, ?, ?)
            ON CONFLICT (agent_id, website_id, kind) DO UPDATE SET email = excluded.email, updated_at = now()""";

    private static final Set<NotificationKind> ON_UNTIL_TURNED_OFF = EnumSet.of(NotificationKind.OFFLINE_MESSAGE);

    private final JdbcOperations jdbc;

    Preferences(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the agent chose to get {@code kind} by email for the website. */
    public boolean wants(Connection connection, String agentId, UUID websiteId, NotificationKind kind) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(WANTS)) {
            select.setString(1, agentId);
            select.setObject(2, websiteId);
            select.setString(3, kind.wire());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getBoolean(1) : ON_UNTIL_TURNED_OFF.contains(kind);
            }
        }
    }

    /** Sets the agent's choice of {@code kind} by email for the website. */
    public void set(Connection connection, String agentId, UUID websiteId, NotificationKind kind, boolean email) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(SET)) {
            upsert.setString(1, agentId);
            upsert.setObject(2, websiteId);
            upsert.setString(3, kind.wire());
            upsert.setBoolean(4, email);
            upsert.executeUpdate();
        }
    }

    /** The agent's preferences for the website. */
    @Transactional(readOnly = true)
    NotificationPreferences of(String agentId, UUID websiteId) {
        return jdbc.prepareStatement(ALL, select -> {
            select.setString(1, agentId);
            select.setObject(2, websiteId);
            Map<String, Boolean> chosen = new HashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    chosen.put(row.getString(1), row.getBoolean(2));
                }
            }
            return new NotificationPreferences(new EmailPreferences(
                    chosen(chosen, NotificationKind.NEW_CONVERSATION),
                    chosen(chosen, NotificationKind.ASSIGNMENT),
                    chosen(chosen, NotificationKind.OFFLINE_MESSAGE)));
        });
    }

    /** Replaces the agent's preferences for the website; returns them. */
    @Transactional
    NotificationPreferences replace(String agentId, UUID websiteId, NotificationPreferences preferences) {
        jdbc.execute(connection -> {
            set(connection, agentId, websiteId, NotificationKind.NEW_CONVERSATION, preferences.email().newConversation());
            set(connection, agentId, websiteId, NotificationKind.ASSIGNMENT, preferences.email().assignment());
            set(connection, agentId, websiteId, NotificationKind.OFFLINE_MESSAGE, preferences.email().offlineMessage());
            return null;
        });
        return of(agentId, websiteId);
    }

    private static boolean chosen(Map<String, Boolean> chosen, NotificationKind kind) {
        return chosen.getOrDefault(kind.wire(), ON_UNTIL_TURNED_OFF.contains(kind));
    }
}
