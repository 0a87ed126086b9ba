package dev.zendo.conversations.audit;

import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a website's audit log, newest first, a page at a time (by id, on {@code audit_log_website_id}). */
@Singleton
class AuditTrail {

    /** The most entries one page holds. */
    static final int MAX_LIMIT = 200;

    private static final String PAGE = """
            SELECT id, actor_kind, actor_id, action, target_type, target_id, detail::text AS detail, occurred_at
            FROM audit_log WHERE website_id = ? AND id < ? ORDER BY id DESC LIMIT ?""";
    private static final Argument<Map<String, Object>> DETAIL = Argument.mapOf(String.class, Object.class);

    private final Sql sql;
    private final ObjectMapper json;

    AuditTrail(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** The entries older than {@code cursor} (the newest when null); 400 naming {@code cursor} for one this API never gave. */
    @Transactional(readOnly = true)
    AuditPage page(UUID websiteId, String cursor, int limit) {
        long before = cursor == null ? Long.MAX_VALUE : parse(cursor);
        List<AuditEntry> rows = sql.list(PAGE, this::entry, websiteId, before, limit + 1);
        List<AuditEntry> page = List.copyOf(rows.subList(0, Math.min(limit, rows.size())));
        return new AuditPage(page, rows.size() > limit ? Long.toString(page.get(page.size() - 1).id()) : null);
    }

    private static long parse(String cursor) {
        long id;
        try {
            id = Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            id = 0;
        }
        if (id < 1) {
            throw ApiException.invalid("cursor", "is not a cursor this API gave");
        }
        return id;
    }

    private AuditEntry entry(ResultSet row) throws SQLException {
        try {
            return new AuditEntry(row.getLong("id"), AuditActorKind.valueOf(row.getString("actor_kind")), row.getString("actor_id"),
                    row.getString("action"), row.getString("target_type"), row.getString("target_id"),
                    json.readValue(row.getString("detail"), DETAIL), Sql.instant(row, "occurred_at"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
