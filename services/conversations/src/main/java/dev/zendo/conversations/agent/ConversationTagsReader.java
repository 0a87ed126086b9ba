package dev.zendo.conversations.agent;

import dev.zendo.platform.jdbc.Sql;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The tags on conversations, by name; deleted tag definitions are not shown. */
@Singleton
class ConversationTagsReader {

    private static final String OF_CONVERSATIONS = """
            SELECT ct.conversation_id, t.id, t.name, t.color FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id
            WHERE ct.conversation_id = ANY (?::uuid[]) AND t.deleted_at IS NULL ORDER BY lower(t.name), t.id""";

    private final Sql sql;

    ConversationTagsReader(Sql sql) {
        this.sql = sql;
    }

    /** Each conversation's tags, an empty list for a conversation without any. */
    Map<UUID, List<TagSummary>> of(Collection<UUID> conversationIds) {
        Map<UUID, List<TagSummary>> tags = new HashMap<>();
        conversationIds.forEach(id -> tags.put(id, new ArrayList<>()));
        if (!conversationIds.isEmpty()) {
            String ids = conversationIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
            sql.list(OF_CONVERSATIONS, row -> Map.entry(Sql.uuid(row, "conversation_id"),
                            new TagSummary(Sql.uuid(row, "id"), row.getString("name"), row.getString("color"))), ids)
                    .forEach(entry -> tags.get(entry.getKey()).add(entry.getValue()));
        }
        return tags;
    }

    /** One conversation's tags. */
    List<TagSummary> of(UUID conversationId) {
        return of(List.of(conversationId)).get(conversationId);
    }
}
