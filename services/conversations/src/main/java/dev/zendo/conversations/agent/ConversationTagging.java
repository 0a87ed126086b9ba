package dev.zendo.conversations.agent;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.conversations.access.ConversationPermission;
import dev.zendo.conversations.conversation.ConversationLock;
import dev.zendo.conversations.conversation.LockedConversation;
import dev.zendo.conversations.events.SiteEvents;
import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ActorKind;
import dev.zendo.events.v1.ConversationTagged;
import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sets the tags on a conversation as a whole set, under the conversation's row lock, and tells the agents what was added
 * and taken off ({@code ConversationTagged}, agents only). Tags whose definition was deleted stay attached, unseen, and
 * come back with the definition.
 */
@Singleton
class ConversationTagging {

    /** The most tags one conversation carries. */
    static final int MAX_TAGS = 20;

    private static final String LIVE_TAGS = "SELECT id FROM tags WHERE website_id = ? AND id = ANY (?::uuid[]) AND deleted_at IS NULL";
    private static final String CURRENT = """
            SELECT ct.tag_id FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id
            WHERE ct.conversation_id = ? AND t.deleted_at IS NULL""";
    private static final String ADD = """
            INSERT INTO conversation_tags (conversation_id, tag_id, tagged_by, tagged_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (conversation_id, tag_id) DO NOTHING""";
    private static final String REMOVE = "DELETE FROM conversation_tags WHERE conversation_id = ? AND tag_id = ?";

    private final AgentConversations conversations;
    private final ConversationLock lock;
    private final Sql sql;
    private final SiteEvents events;
    private final Clock clock;

    ConversationTagging(AgentConversations conversations, ConversationLock lock, Sql sql, SiteEvents events, Clock clock) {
        this.conversations = conversations;
        this.lock = lock;
        this.sql = sql;
        this.events = events;
        this.clock = clock;
    }

    /** Makes {@code tagIds} the conversation's tags; 404 {@code tag_not_found} when one is not a live tag of the website. */
    @Transactional
    public ConversationDetails set(AuthenticatedAgent agent, UUID websiteId, UUID conversationId, List<UUID> tagIds) {
        AgentConversations.Found found = conversations.require(agent, websiteId, conversationId, ConversationPermission.TAG_CONVERSATIONS);
        Set<UUID> wanted = new LinkedHashSet<>(tagIds);
        if (!wanted.isEmpty() && sql.list(LIVE_TAGS, row -> Sql.uuid(row, "id"), websiteId, array(wanted)).size() != wanted.size()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "tag_not_found", "Tag not found in this website");
        }
        LockedConversation conversation = lock.require(websiteId, found.conversation().id());
        Set<UUID> current = new LinkedHashSet<>(sql.list(CURRENT, row -> Sql.uuid(row, "tag_id"), conversation.id()));
        List<UUID> added = wanted.stream().filter(id -> !current.contains(id)).toList();
        List<UUID> removed = current.stream().filter(id -> !wanted.contains(id)).toList();
        removed.forEach(id -> sql.update(REMOVE, conversation.id(), id));
        added.forEach(id -> sql.update(ADD, conversation.id(), id, agent.id(), clock.instant()));
        if (!added.isEmpty() || !removed.isEmpty()) {
            Actor by = Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_AGENT).setId(agent.id()).build();
            events.toAgents(websiteId, conversation.id(), conversation.visitorId(), by, e -> e.setConversationTagged(
                    ConversationTagged.newBuilder()
                            .setConversationId(conversation.id().toString())
                            .addAllTagIds(strings(new ArrayList<>(wanted)))
                            .addAllAddedTagIds(strings(added))
                            .addAllRemovedTagIds(strings(removed))));
        }
        return conversations.details(found.member(), conversation.id());
    }

    private static String array(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static List<String> strings(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }
}
