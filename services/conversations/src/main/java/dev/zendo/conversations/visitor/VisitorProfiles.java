package dev.zendo.conversations.visitor;

import dev.zendo.conversations.message.AuthorKind;
import dev.zendo.conversations.thread.ThreadStatus;
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

/**
 * Visitor profiles for agents: details, claims, attributes, recent page views and past threads with their ratings. The
 * id of a visitor merged into another answers the canonical visitor, so links agents kept keep working.
 */
@Singleton
public class VisitorProfiles {

    /** The most page views and threads a profile lists. */
    public static final int RECENT = 50;

    private static final String CANONICAL = """
            WITH RECURSIVE chain(id, merged_into, depth) AS (
                SELECT id, merged_into, 0 FROM visitors WHERE id = ? AND website_id = ?
                UNION ALL
                SELECT v.id, v.merged_into, chain.depth + 1 FROM visitors v JOIN chain ON v.id = chain.merged_into WHERE chain.depth < 16
            )
            SELECT id FROM chain WHERE merged_into IS NULL""";
    private static final String VISITOR = """
            SELECT v.id, v.label, v.name, v.email, v.phone, v.external_id, v.claimed_external_id, v.claimed_email,
                   v.attributes::text AS attributes, v.user_agent, host(v.client_ip) AS client_ip, v.locale, v.created_at,
                   v.last_seen_at, c.id AS conversation_id
            FROM visitors v LEFT JOIN conversations c ON c.visitor_id = v.id AND c.website_id = v.website_id
            WHERE v.id = ? AND v.website_id = ?""";
    private static final String PAGE_VIEWS = """
            SELECT url, title, referrer, viewed_at FROM page_views WHERE visitor_id = ? ORDER BY viewed_at DESC, id DESC LIMIT ?""";
    private static final String THREADS = """
            SELECT t.id, t.conversation_id, t.status, t.group_id, t.agent_id, nullif(a.name, '') AS agent_name, t.opened_at,
                   t.closed_at, t.closed_by_kind, t.closed_by_id, t.close_reason, t.rating, t.rating_comment
            FROM conversations c JOIN threads t ON t.conversation_id = c.id LEFT JOIN replica_agents a ON a.agent_id = t.agent_id
            WHERE c.visitor_id = ? AND c.website_id = ?
            ORDER BY t.opened_at DESC, t.id DESC LIMIT ?""";

    private final Sql sql;
    private final ObjectMapper json;

    VisitorProfiles(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** The profile of the website's visitor, or of the visitor it was merged into; 404 for another website's. */
    @Transactional(readOnly = true)
    public VisitorProfile of(UUID websiteId, UUID visitorId) {
        UUID id = sql.one(CANONICAL, row -> Sql.uuid(row, "id"), visitorId, websiteId)
                .orElseThrow(() -> ApiException.notFound("Visitor"));
        List<PageViewItem> pageViews = sql.list(PAGE_VIEWS, row -> new PageViewItem(row.getString("url"), row.getString("title"),
                row.getString("referrer"), Sql.instant(row, "viewed_at")), id, RECENT);
        List<PastThread> threads = sql.list(THREADS, VisitorProfiles::thread, id, websiteId, RECENT);
        return sql.one(VISITOR, row -> profile(row, pageViews, threads), id, websiteId)
                .orElseThrow(() -> ApiException.notFound("Visitor"));
    }

    private VisitorProfile profile(ResultSet row, List<PageViewItem> pageViews, List<PastThread> threads) throws SQLException {
        String claimedId = row.getString("claimed_external_id");
        String claimedEmail = row.getString("claimed_email");
        VisitorClaims claims = claimedId == null && claimedEmail == null ? null : new VisitorClaims(claimedId, claimedEmail);
        String externalId = row.getString("external_id");
        return new VisitorProfile(Sql.uuid(row, "id"), row.getString("label"), row.getString("name"), row.getString("email"),
                row.getString("phone"), externalId != null, externalId, claims, attributes(row.getString("attributes")),
                row.getString("user_agent"), row.getString("client_ip"), row.getString("locale"), Sql.uuid(row, "conversation_id"),
                Sql.instant(row, "created_at"), Sql.instant(row, "last_seen_at"), pageViews, threads);
    }

    private Map<String, Object> attributes(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PastThread thread(ResultSet row) throws SQLException {
        String closedBy = row.getString("closed_by_kind");
        int rating = row.getInt("rating");
        Integer stars = row.wasNull() ? null : rating;
        return new PastThread(Sql.uuid(row, "id"), Sql.uuid(row, "conversation_id"), ThreadStatus.valueOf(row.getString("status")),
                Sql.uuid(row, "group_id"), row.getString("agent_id"), row.getString("agent_name"), Sql.instant(row, "opened_at"),
                Sql.instant(row, "closed_at"), closedBy == null ? null : AuthorKind.valueOf(closedBy), row.getString("closed_by_id"),
                row.getString("close_reason"), stars, row.getString("rating_comment"));
    }
}
