package dev.zendo.conversations.replica;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.zendo.events.v1.WebsiteCreated;
import dev.zendo.events.v1.WebsiteUpdated;
import dev.zendo.events.v1.WidgetSettings;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static dev.zendo.inbox.EventFields.optional;
import static dev.zendo.inbox.EventFields.uuid;

/** The {@code replica_websites} rows: name, domains, origins, widget settings, default group, deleted state. */
@Singleton
class WebsiteRows {

    private static final JsonFormat.Printer JSON = JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();

    private static final String CREATE = """
            INSERT INTO replica_websites (website_id, name, domains, allowed_origins, widget, default_group_id, deleted, updated_at)
            VALUES (?, ?, ?, ?, ?::jsonb, ?, FALSE, ?)
            ON CONFLICT (website_id) DO UPDATE SET name = excluded.name, domains = excluded.domains,
                allowed_origins = excluded.allowed_origins, widget = excluded.widget,
                default_group_id = excluded.default_group_id, deleted = FALSE, updated_at = excluded.updated_at""";
    private static final String UPDATE = """
            UPDATE replica_websites SET name = ?, domains = ?, allowed_origins = ?, widget = ?::jsonb, updated_at = ?
            WHERE website_id = ?""";
    private static final String SET_DELETED = "UPDATE replica_websites SET deleted = ?, updated_at = ? WHERE website_id = ?";

    /** Stores a new website, or overwrites one created before (a replay) with the creation state. */
    void created(Connection connection, WebsiteCreated event, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(CREATE)) {
            insert.setObject(1, uuid("website_id", event.getWebsiteId()));
            insert.setString(2, event.getName());
            insert.setArray(3, connection.createArrayOf("text", event.getDomainsList().toArray()));
            insert.setArray(4, connection.createArrayOf("text", event.getAllowedOriginsList().toArray()));
            insert.setString(5, json(event.getWidget()));
            String defaultGroup = optional(event.getDefaultGroupId());
            insert.setObject(6, defaultGroup == null ? null : uuid("default_group_id", defaultGroup));
            insert.setTimestamp(7, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    /** Takes the website's new settings; false when the website is not replicated. */
    boolean updated(Connection connection, WebsiteUpdated event, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setString(1, event.getName());
            update.setArray(2, connection.createArrayOf("text", event.getDomainsList().toArray()));
            update.setArray(3, connection.createArrayOf("text", event.getAllowedOriginsList().toArray()));
            update.setString(4, json(event.getWidget()));
            update.setTimestamp(5, Timestamp.from(at));
            update.setObject(6, uuid("website_id", event.getWebsiteId()));
            return update.executeUpdate() == 1;
        }
    }

    /** Marks the website deleted or restored; false when it is not replicated. */
    boolean deleted(Connection connection, UUID websiteId, boolean deleted, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(SET_DELETED)) {
            update.setBoolean(1, deleted);
            update.setTimestamp(2, Timestamp.from(at));
            update.setObject(3, websiteId);
            return update.executeUpdate() == 1;
        }
    }

    /** Whether {@code websiteId} is replicated (deleted or not). */
    static boolean exists(Connection connection, UUID websiteId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM replica_websites WHERE website_id = ?")) {
            select.setObject(1, websiteId);
            return select.executeQuery().next();
        }
    }

    private static String json(WidgetSettings widget) {
        try {
            return JSON.print(widget);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a WidgetSettings message always prints as JSON", e);
        }
    }
}
