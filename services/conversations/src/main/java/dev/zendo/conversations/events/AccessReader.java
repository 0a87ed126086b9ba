package dev.zendo.conversations.events;

import dev.zendo.events.v1.ConversationAccess;
import dev.zendo.platform.jdbc.Sql;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads who may see a conversation, as {@code agent/Visibility} decides it, on the caller's transaction: one query on
 * the conversation's row and its agents' messages (index {@code messages_agent_author}), run after the change.
 */
@Singleton
class AccessReader {

    /**
     * Queued as Visibility has it: a PENDING current thread (a PENDING thread never has an agent). The participants are
     * read by skipping through {@code messages_agent_author} from one author to the next, so the cost grows with the
     * number of agents who wrote, not of their messages.
     */
    private static final String ACCESS = """
            SELECT c.agent_id, c.status = 'PENDING' AND c.current_thread_id IS NOT NULL AS queued, c.group_id,
                   ARRAY(WITH RECURSIVE author(id) AS (
                             SELECT min(m.author_id) FROM messages m WHERE m.conversation_id = c.id AND m.author_kind = 'AGENT'
                             UNION ALL
                             SELECT (SELECT min(m.author_id) FROM messages m
                                     WHERE m.conversation_id = c.id AND m.author_kind = 'AGENT' AND m.author_id > author.id)
                             FROM author WHERE author.id IS NOT NULL)
                         SELECT id FROM author WHERE id IS NOT NULL) AS participants
            FROM conversations c WHERE c.id = ?""";

    private final Sql sql;

    AccessReader(Sql sql) {
        this.sql = sql;
    }

    /** The conversation's access now, with the state {@code before} the change when the change may take it from sight. */
    Optional<ConversationAccess> of(UUID conversationId, AccessBefore before) {
        return sql.one(ACCESS, row -> {
            ConversationAccess.Builder access = ConversationAccess.newBuilder()
                    .setQueued(row.getBoolean("queued"))
                    .addAllParticipantIds(Arrays.asList((String[]) row.getArray("participants").getArray()));
            String assignee = row.getString("agent_id");
            if (assignee != null) {
                access.setAssigneeId(assignee);
            }
            UUID groupId = Sql.uuid(row, "group_id");
            if (groupId != null) {
                access.setGroupId(groupId.toString());
            }
            if (before != null) {
                if (before.assigneeId() != null) {
                    access.setPreviousAssigneeId(before.assigneeId());
                }
                access.setWasQueued(before.queued());
            }
            return access.build();
        }, conversationId);
    }
}
