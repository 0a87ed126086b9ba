package dev.zendo.notifications.missedreply;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Agents' replies visitors have not read, and per conversation the digest they make. Every change locks the
 * conversation's digest row before its replies, as the sweep does, so a read and a sweep never deadlock.
 */
@Singleton
class PendingReplies {

    private static final String OPEN_DIGEST = """
            INSERT INTO pending_digest (conversation_id, website_id, visitor_id, due_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (conversation_id) DO UPDATE SET due_at = LEAST(pending_digest.due_at, excluded.due_at)""";
    private static final String ADD = """
            INSERT INTO pending_reply (message_id, conversation_id, seq, author_name, body, created_at, due_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING""";
    private static final String LOCK_DIGEST = "SELECT 1 FROM pending_digest WHERE conversation_id = ? FOR UPDATE";
    private static final String READ = "DELETE FROM pending_reply WHERE conversation_id = ? AND seq <= ?";
    private static final String CLAIM = """
            SELECT conversation_id, website_id, visitor_id FROM pending_digest WHERE due_at <= ?
            ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED""";
    private static final String TAKE = """
            DELETE FROM pending_reply WHERE conversation_id = ? RETURNING message_id, seq, author_name, body, created_at""";
    private static final String CLOSE = "DELETE FROM pending_digest WHERE conversation_id = ?";
    private static final String REFRESH_DIGEST = """
            UPDATE pending_digest SET due_at = (SELECT min(due_at) FROM pending_reply WHERE conversation_id = ?)
            WHERE conversation_id = ? AND EXISTS (SELECT 1 FROM pending_reply WHERE conversation_id = ?)""";
    private static final String CLOSE_DIGEST = """
            DELETE FROM pending_digest d WHERE conversation_id = ?
            AND NOT EXISTS (SELECT 1 FROM pending_reply r WHERE r.conversation_id = d.conversation_id)""";

    /** Keeps an agent's reply until the visitor reads it or it is mailed at {@code dueAt}. */
    void add(Connection connection, UUID websiteId, String visitorId, Reply reply, Instant dueAt) throws SQLException {
        try (PreparedStatement digest = connection.prepareStatement(OPEN_DIGEST)) {
            digest.setString(1, reply.conversationId());
            digest.setObject(2, websiteId);
            digest.setString(3, visitorId);
            digest.setTimestamp(4, Timestamp.from(dueAt));
            digest.executeUpdate();
        }
        try (PreparedStatement add = connection.prepareStatement(ADD)) {
            add.setString(1, reply.messageId());
            add.setString(2, reply.conversationId());
            add.setLong(3, reply.seq());
            add.setString(4, reply.authorName());
            add.setString(5, reply.body());
            add.setTimestamp(6, Timestamp.from(reply.createdAt()));
            add.setTimestamp(7, Timestamp.from(dueAt));
            add.executeUpdate();
        }
    }

    /** Forgets the conversation's replies up to and including {@code seq}: the visitor read them. */
    void read(Connection connection, String conversationId, long seq) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_DIGEST)) {
            lock.setString(1, conversationId);
            lock.executeQuery().close();
        }
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            read.setString(1, conversationId);
            read.setLong(2, seq);
            read.executeUpdate();
        }
        settle(connection, conversationId);
    }

    /** Locks up to {@code limit} digests due at {@code now} that no other transaction holds. */
    List<Digest> claim(Connection connection, Instant now, int limit) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setTimestamp(1, Timestamp.from(now));
            claim.setInt(2, limit);
            List<Digest> digests = new ArrayList<>();
            try (ResultSet row = claim.executeQuery()) {
                while (row.next()) {
                    digests.add(new Digest(row.getString(1), row.getObject(2, UUID.class), row.getString(3)));
                }
            }
            return digests;
        }
    }

    /** Removes the claimed digest and returns every unread reply of its conversation, in order. */
    List<Reply> take(Connection connection, String conversationId) throws SQLException {
        List<Reply> replies = new ArrayList<>();
        try (PreparedStatement take = connection.prepareStatement(TAKE)) {
            take.setString(1, conversationId);
            try (ResultSet row = take.executeQuery()) {
                while (row.next()) {
                    replies.add(new Reply(row.getString(1), conversationId, row.getLong(2), row.getString(3), row.getString(4),
                            row.getTimestamp(5).toInstant()));
                }
            }
        }
        try (PreparedStatement close = connection.prepareStatement(CLOSE)) {
            close.setString(1, conversationId);
            close.executeUpdate();
        }
        replies.sort(Comparator.comparingLong(Reply::seq));
        return replies;
    }

    private static void settle(Connection connection, String conversationId) throws SQLException {
        try (PreparedStatement refresh = connection.prepareStatement(REFRESH_DIGEST)) {
            refresh.setString(1, conversationId);
            refresh.setString(2, conversationId);
            refresh.setString(3, conversationId);
            refresh.executeUpdate();
        }
        try (PreparedStatement close = connection.prepareStatement(CLOSE_DIGEST)) {
            close.setString(1, conversationId);
            close.executeUpdate();
        }
    }

    /** A conversation whose unread replies are due, and whose visitor they go to. */
    record Digest(String conversationId, UUID websiteId, String visitorId) {
    }

    /** One agent's reply. */
    record Reply(String messageId, String conversationId, long seq, String authorName, String body, Instant createdAt) {
    }
}
