package dev.zendo.conversations.message;

import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Reads a conversation's messages by seq: back from the latest (or from before {@code before}), or forward from
 * {@code after}; both bound a range. Notes are left out unless the reader is an agent.
 */
@Singleton
public class History {

    /** Messages per page when the caller names no limit. */
    public static final int DEFAULT_LIMIT = 50;
    /** The most messages one page holds. */
    public static final int MAX_LIMIT = 200;

    private static final String PAGE = "SELECT " + MessageView.COLUMNS + """
             FROM messages WHERE conversation_id = ? AND seq > ? AND seq < ? AND (? OR kind <> 'NOTE')
            ORDER BY seq %s LIMIT ?""";

    private final Sql sql;

    History(Sql sql) {
        this.sql = sql;
    }

    /**
     * A page of messages, oldest first. 400 naming {@code limit} (1 to {@value #MAX_LIMIT}), {@code before} (at least 1)
     * or {@code after} (at least 0) when out of range.
     *
     * @param before       only messages with a smaller seq; null for no bound
     * @param after        only messages with a greater seq, read forward from it; null to read back from the latest
     * @param limit        page size; null for {@value #DEFAULT_LIMIT}
     * @param includeNotes whether agents' notes are included (never for a visitor)
     */
    @Transactional(readOnly = true)
    public HistoryPage page(UUID conversationId, Long before, Long after, Integer limit, boolean includeNotes) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be from 1 to " + MAX_LIMIT);
        }
        if (before != null && before < 1) {
            throw ApiException.invalid("before", "must be at least 1");
        }
        if (after != null && after < 0) {
            throw ApiException.invalid("after", "must be at least 0");
        }
        boolean forward = after != null;
        List<MessageView> rows = new ArrayList<>(sql.list(PAGE.formatted(forward ? "ASC" : "DESC"), MessageView::of,
                conversationId, forward ? after : 0L, before == null ? Long.MAX_VALUE : before, includeNotes, size + 1));
        boolean hasMore = rows.size() > size;
        List<MessageView> page = new ArrayList<>(rows.subList(0, Math.min(size, rows.size())));
        if (!forward) {
            Collections.reverse(page);
        }
        return new HistoryPage(page, hasMore);
    }
}
