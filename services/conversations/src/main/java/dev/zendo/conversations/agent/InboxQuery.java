package dev.zendo.conversations.agent;

import dev.zendo.conversations.thread.ThreadStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of the inbox lists. Each current-thread status of a view is read as its own keyset scan of one of the
 * {@code conversations_inbox}, {@code conversations_agent} or {@code conversations_group} indexes, newest activity first
 * and limited, so no list ever sorts more than a page per status, however many conversations the website has.
 */
final class InboxQuery {

    static final String COLUMNS = "c.id, c.visitor_id, c.status, c.current_thread_id, c.agent_id, c.group_id, "
            + "c.last_message_at, c.last_message_preview";

    private static final String ORDER = " ORDER BY c.last_message_at DESC, c.id DESC";

    /** A statement and its positional parameters. */
    record Statement(String sql, List<Object> parameters) {

        Object[] arguments() {
            return parameters.toArray();
        }
    }

    private InboxQuery() {
    }

    /** One page of the filter's list and one item more (to tell whether another page follows), with each visitor. */
    static Statement page(InboxFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String union = filter.view().statuses().stream().map(status -> {
            StringBuilder sql = new StringBuilder("(SELECT ").append(COLUMNS).append(" FROM conversations c WHERE ");
            sql.append(conditions(filter, filter.view(), status, parameters));
            if (filter.after() != null) {
                sql.append(" AND (c.last_message_at, c.id) < (?, ?)");
                parameters.add(filter.after().lastMessageAt());
                parameters.add(filter.after().id());
            }
            parameters.add(filter.limit() + 1);
            return sql.append(ORDER).append(" LIMIT ?)").toString();
        }).collect(Collectors.joining(" UNION ALL "));
        parameters.add(filter.limit() + 1);
        String sql = "SELECT c.*, v.label, v.name, v.email FROM (" + union + ") c JOIN visitors v ON v.id = c.visitor_id"
                + ORDER + " LIMIT ?";
        return new Statement(sql, parameters);
    }

    /** How many conversations the filter's list would hold in {@code view}, counting no further than {@code cap}. */
    static Statement count(InboxFilter filter, InboxView view, int cap) {
        List<Object> parameters = new ArrayList<>();
        String union = view.statuses().stream()
                .map(status -> "SELECT 1 FROM conversations c WHERE " + conditions(filter, view, status, parameters))
                .collect(Collectors.joining(" UNION ALL "));
        parameters.add(cap);
        return new Statement("SELECT count(*) FROM (" + union + " LIMIT ?) c", parameters);
    }

    private static String conditions(InboxFilter filter, InboxView view, ThreadStatus status, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add("c.website_id = ?");
        parameters.add(filter.websiteId());
        conditions.add("c.status = ?");
        parameters.add(status);
        if (!status.open()) {
            conditions.add("c.current_thread_id IS NOT NULL");
        }
        if (view == InboxView.MINE) {
            conditions.add("c.agent_id = ?");
            parameters.add(filter.callerId());
        }
        if (filter.agentId() != null) {
            conditions.add("c.agent_id = ?");
            parameters.add(filter.agentId());
        }
        if (filter.groupId() != null) {
            conditions.add("c.group_id = ?");
            parameters.add(filter.groupId());
        }
        if (filter.tagId() != null) {
            conditions.add("EXISTS (SELECT 1 FROM conversation_tags t WHERE t.conversation_id = c.id AND t.tag_id = ?)");
            parameters.add(filter.tagId());
        }
        if (!filter.seesAll() && status != ThreadStatus.PENDING) {
            conditions.add("(c.agent_id = ? OR " + Visibility.TOOK_PART + ")");
            parameters.add(filter.callerId());
            parameters.add(filter.callerId());
        }
        return String.join(" AND ", conditions);
    }
}
