package dev.zendo.notifications.outcome;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads a website's notification log, newest first, a page at a time. */
@Singleton
class NotificationLog {

    /** The largest page a client may ask for. */
    static final int MAX_LIMIT = 200;

    private static final String PAGE = """
            SELECT id, kind, channel, event_id, recipient_agent_id, recipient_email, status, reason, attempts, created_at, updated_at
            FROM notification
            WHERE website_id = ? AND (?::text IS NULL OR status = ?) AND (?::text IS NULL OR kind = ?)
              AND (?::timestamptz IS NULL OR (created_at, id) < (?, ?))
            ORDER BY created_at DESC, id DESC LIMIT ?""";

    private final JdbcOperations jdbc;

    NotificationLog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    NotificationPage page(UUID websiteId, @Nullable String status, @Nullable String kind, @Nullable LogCursor after, int limit) {
        return jdbc.prepareStatement(PAGE, statement -> {
            Timestamp afterAt = after == null ? null : Timestamp.from(after.createdAt());
            statement.setObject(1, websiteId);
            statement.setString(2, status);
            statement.setString(3, status);
            statement.setString(4, kind);
            statement.setString(5, kind);
            statement.setTimestamp(6, afterAt);
            statement.setTimestamp(7, afterAt);
            statement.setObject(8, after == null ? null : after.id());
            statement.setInt(9, limit + 1);
            List<NotificationView> views = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    views.add(view(row));
                }
            }
            if (views.size() <= limit) {
                return new NotificationPage(views, null);
            }
            NotificationView last = views.get(limit - 1);
            return new NotificationPage(views.subList(0, limit), new LogCursor(last.createdAt(), last.id()).encode());
        });
    }

    private static NotificationView view(ResultSet row) throws SQLException {
        return new NotificationView(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getInt(9),
                row.getTimestamp(10).toInstant(), row.getTimestamp(11).toInstant());
    }
}
