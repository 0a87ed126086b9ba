package dev.zendo.conversations.widget;

import dev.zendo.conversations.conversation.ConversationView;
import dev.zendo.conversations.message.AuthorKind;
import dev.zendo.conversations.message.MessageView;
import dev.zendo.conversations.replica.MemberDirectory;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The agents' side of a visitor's conversation as the widget shows it: how far agents have read, and the profiles of
 * the agents in it (those who wrote the shown messages and the one assigned), members of the website only.
 */
@Singleton
class ConversationAgents {

    private static final String READ = """
            SELECT coalesce(max(seq), 0) FROM read_cursors WHERE conversation_id = ? AND reader_kind = 'AGENT'""";

    private final Sql sql;
    private final MemberDirectory members;

    ConversationAgents(Sql sql, MemberDirectory members) {
        this.sql = sql;
        this.members = members;
    }

    /** The highest seq any agent has read in the conversation, 0 when none has read anything. */
    @Transactional(readOnly = true)
    public long readSeq(ConversationView conversation) {
        return sql.one(READ, row -> row.getLong(1), conversation.id()).orElse(0L);
    }

    /** The agents who wrote one of {@code messages} or are assigned the conversation, in that order, once each. */
    @Transactional(readOnly = true)
    public List<AgentView> profiles(ConversationView conversation, List<MessageView> messages) {
        Set<String> ids = new LinkedHashSet<>();
        messages.stream().filter(m -> m.author().kind() == AuthorKind.AGENT && m.author().id() != null)
                .forEach(m -> ids.add(m.author().id()));
        Optional.ofNullable(conversation.agentId()).ifPresent(ids::add);
        return ids.stream().flatMap(id -> member(conversation.websiteId(), id).stream()).toList();
    }

    /** The agent when a member of the website. */
    @Transactional(readOnly = true)
    public Optional<AgentView> member(UUID websiteId, String agentId) {
        return members.find(websiteId, agentId).map(member -> AgentView.of(member.agentId(), member.name(), member.avatarUrl()));
    }
}
