package dev.zendo.conversations.agent;

import dev.zendo.conversations.access.AgentMembership;
import dev.zendo.conversations.message.ReadCursors;
import dev.zendo.conversations.thread.ThreadStatus;
import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The inbox lists (mine, queue, open, closed), keyset-paginated on {@code (last_message_at, id)}, newest first, with each
 * conversation's visitor, tags and the caller's unread count. Members who do not see all conversations get the queue
 * and their own only, in every list and count.
 */
@Singleton
class Inbox {

    /** Items per page when the caller names no limit. */
    static final int DEFAULT_LIMIT = 25;
    /** The most items one page holds. */
    static final int MAX_LIMIT = 100;
    /** Closed conversations are counted up to this many. */
    static final int CLOSED_COUNT_CAP = 1_000;
    /** Longest agent id accepted as a filter. */
    static final int MAX_AGENT_ID = 200;

    private final Sql sql;
    private final ReadCursors readCursors;
    private final ConversationTagsReader tags;

    Inbox(Sql sql, ReadCursors readCursors, ConversationTagsReader tags) {
        this.sql = sql;
        this.readCursors = readCursors;
        this.tags = tags;
    }

    /** The filter of a list request; 400 naming {@code view}, {@code limit}, {@code agent_id} or {@code cursor}. */
    static InboxFilter filter(AgentMembership member, String view, UUID groupId, UUID tagId, String agentId, String cursor,
                              Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be from 1 to " + MAX_LIMIT);
        }
        if (agentId != null && (agentId.isBlank() || agentId.length() > MAX_AGENT_ID)) {
            throw ApiException.invalid("agent_id", "must be 1 to " + MAX_AGENT_ID + " characters");
        }
        return new InboxFilter(member.websiteId(), member.agentId(), Visibility.seesAll(member), InboxView.of(view), groupId,
                tagId, agentId, InboxCursor.decode(cursor), size);
    }

    /** One page of the filter's list. */
    @Transactional(readOnly = true)
    public InboxPage list(InboxFilter filter) {
        InboxQuery.Statement statement = InboxQuery.page(filter);
        List<Row> rows = sql.list(statement.sql(), row -> new Row(Sql.uuid(row, "id"),
                new VisitorSummary(Sql.uuid(row, "visitor_id"), row.getString("label"), row.getString("name"), row.getString("email")),
                ThreadStatus.valueOf(row.getString("status")), Sql.uuid(row, "current_thread_id"), row.getString("agent_id"),
                Sql.uuid(row, "group_id"), Sql.instant(row, "last_message_at"), row.getString("last_message_preview")),
                statement.arguments());
        List<Row> page = rows.subList(0, Math.min(rows.size(), filter.limit()));
        List<UUID> ids = page.stream().map(Row::id).toList();
        Map<UUID, Long> unread = readCursors.unreadByAgent(filter.callerId(), ids);
        Map<UUID, List<TagSummary>> tagged = tags.of(ids);
        List<InboxItem> items = page.stream().map(row -> new InboxItem(row.id(), row.visitor(), row.status(), row.threadId(),
                row.agentId(), row.groupId(), row.lastMessageAt(), row.preview(), unread.get(row.id()), tagged.get(row.id()))).toList();
        String next = rows.size() > filter.limit()
                ? new InboxCursor(page.get(page.size() - 1).lastMessageAt(), page.get(page.size() - 1).id()).encode()
                : null;
        return new InboxPage(items, next);
    }

    /** How many conversations each list holds under the filter (its view, cursor and limit aside). */
    @Transactional(readOnly = true)
    public InboxCounts counts(InboxFilter filter) {
        long closed = count(filter, InboxView.CLOSED, CLOSED_COUNT_CAP + 1);
        return new InboxCounts(count(filter, InboxView.MINE, Integer.MAX_VALUE), count(filter, InboxView.QUEUE, Integer.MAX_VALUE),
                count(filter, InboxView.OPEN, Integer.MAX_VALUE), Math.min(closed, CLOSED_COUNT_CAP), closed > CLOSED_COUNT_CAP);
    }

    private long count(InboxFilter filter, InboxView view, int cap) {
        InboxQuery.Statement statement = InboxQuery.count(filter, view, cap);
        return sql.one(statement.sql(), row -> row.getLong(1), statement.arguments()).orElse(0L);
    }

    private record Row(UUID id, VisitorSummary visitor, ThreadStatus status, UUID threadId, String agentId, UUID groupId,
                       Instant lastMessageAt, String preview) {
    }
}
