package dev.zendo.conversations.search;

import dev.zendo.conversations.access.AgentMembership;
import dev.zendo.conversations.access.ConversationPermission;
import dev.zendo.conversations.message.AuthorKind;
import dev.zendo.conversations.message.MessageKind;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Full-text search over one website's messages (notes included: only agents search) and its visitors' names, emails
 * and labels, with PostgreSQL's {@code websearch_to_tsquery} on the GIN-indexed {@code search} columns, best
 * {@code ts_rank} first, over the whole history. Members who may not see every conversation find only what their
 * lists show them: the queue and conversations they have, or had, a thread of.
 */
@Singleton
public class SearchService {

    /** The most hits one page holds. */
    public static final int MAX_LIMIT = 100;

    private static final String VISIBLE = """
            (? OR c.status = 'PENDING' OR c.agent_id = ?
             OR EXISTS (SELECT 1 FROM threads t WHERE t.conversation_id = c.id AND t.agent_id = ?))""";
    private static final String SEARCH = """
            WITH q AS (SELECT websearch_to_tsquery('simple', ?) AS query),
            hits AS (
                SELECT 'm' || m.id::text AS key, m.conversation_id, c.visitor_id, m.id AS message_id, ts_rank(m.search, q.query) AS rank
                FROM q, messages m JOIN conversations c ON c.id = m.conversation_id
                WHERE m.website_id = ? AND m.search @@ q.query AND %1$s
                UNION ALL
                SELECT 'v' || v.id::text, c.id, v.id, NULL, ts_rank(v.search, q.query)
                FROM q, visitors v LEFT JOIN conversations c ON c.visitor_id = v.id AND c.website_id = v.website_id
                WHERE v.website_id = ? AND v.merged_into IS NULL AND v.search @@ q.query AND %1$s
            ),
            page AS (
                SELECT * FROM hits
                WHERE CAST(? AS real) IS NULL OR (rank, key COLLATE "C") < (CAST(? AS real), CAST(? AS text) COLLATE "C")
                ORDER BY rank DESC, key COLLATE "C" DESC
                LIMIT ?
            )
            SELECT p.key, p.conversation_id, p.rank, v.id AS visitor_id, v.label, v.name, v.email,
                   m.id AS message_id, m.seq, m.kind, m.author_kind, m.created_at,
                   CASE WHEN m.id IS NOT NULL THEN ts_headline('simple', replace(m.body, '<', ?), (SELECT query FROM q), ?) END AS headline
            FROM page p JOIN visitors v ON v.id = p.visitor_id LEFT JOIN messages m ON m.id = p.message_id
            ORDER BY p.rank DESC, p.key COLLATE "C" DESC""".formatted(VISIBLE);

    private final Sql sql;

    SearchService(Sql sql) {
        this.sql = sql;
    }

    /** One page of hits for {@code query}, after {@code cursor} when given. */
    @Transactional(readOnly = true)
    public SearchResults search(AgentMembership member, String query, @Nullable String cursor, int limit) {
        SearchCursor after = cursor == null ? null : SearchCursor.parse(cursor);
        boolean seesAll = member.may(ConversationPermission.VIEW_ALL_CONVERSATIONS);
        String agentId = member.agentId();
        List<Row> rows = sql.list(SEARCH, SearchService::row,
                query,
                member.websiteId(), seesAll, agentId, agentId,
                member.websiteId(), seesAll, agentId, agentId,
                after == null ? null : after.rank(), after == null ? null : after.rank(), after == null ? null : after.key(),
                limit + 1,
                String.valueOf(Snippet.LESS_THAN), Snippet.OPTIONS);
        List<Row> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = rows.size() > limit ? new SearchCursor(page.get(limit - 1).rank(), page.get(limit - 1).key()).encode() : null;
        return new SearchResults(page.stream().map(Row::hit).toList(), next);
    }

    private static Row row(ResultSet row) throws SQLException {
        SearchVisitor visitor = new SearchVisitor(Sql.uuid(row, "visitor_id"), row.getString("label"), row.getString("name"),
                row.getString("email"));
        UUID messageId = Sql.uuid(row, "message_id");
        SearchMessage message = null;
        if (messageId != null) {
            Snippet snippet = Snippet.of(row.getString("headline"));
            message = new SearchMessage(messageId, row.getLong("seq"), MessageKind.valueOf(row.getString("kind")),
                    AuthorKind.valueOf(row.getString("author_kind")), snippet.text(), snippet.highlights(),
                    Sql.instant(row, "created_at"));
        }
        float rank = row.getFloat("rank");
        SearchHit hit = new SearchHit(message == null ? HitType.VISITOR : HitType.MESSAGE, Sql.uuid(row, "conversation_id"),
                visitor, message, rank);
        return new Row(row.getString("key"), rank, hit);
    }

    private record Row(String key, float rank, SearchHit hit) {
    }
}
