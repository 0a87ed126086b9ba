package dev.zendo.conversations.server;

import dev.zendo.conversations.access.ConversationPermission;
import dev.zendo.conversations.audit.AuditActorKind;
import dev.zendo.conversations.audit.AuditLog;
import dev.zendo.conversations.conversation.ConversationService;
import dev.zendo.conversations.conversation.ConversationView;
import dev.zendo.conversations.message.Author;
import dev.zendo.conversations.message.AuthorKind;
import dev.zendo.conversations.message.History;
import dev.zendo.conversations.message.HistoryPage;
import dev.zendo.conversations.message.MessageKind;
import dev.zendo.conversations.message.MessageService;
import dev.zendo.conversations.message.MessageText;
import dev.zendo.conversations.message.PostMessage;
import dev.zendo.conversations.message.Posted;
import dev.zendo.conversations.replica.Member;
import dev.zendo.conversations.replica.MemberDirectory;
import dev.zendo.conversations.thread.ThreadService;
import dev.zendo.conversations.thread.ThreadStatus;
import dev.zendo.conversations.thread.ThreadView;
import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ActorKind;
import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a website's backend does to its conversations through the server API: list and read them (notes included),
 * post as a named bot or as an agent, and close threads. Each call is one transaction that also writes its audit
 * entry, naming the secret key's id; another website's conversation is a 404.
 */
@Singleton
class ServerConversations {

    /** The most conversations one page holds. */
    static final int MAX_LIMIT = 200;

    private static final String TARGET = "conversation";
    private static final Actor BACKEND = Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_BOT).build();

    private final ConversationService conversations;
    private final ThreadService threads;
    private final MessageService messages;
    private final History history;
    private final MemberDirectory members;
    private final AuditLog audit;
    private final Sql sql;

    ServerConversations(ConversationService conversations, ThreadService threads, MessageService messages, History history,
                        MemberDirectory members, AuditLog audit, Sql sql) {
        this.conversations = conversations;
        this.threads = threads;
        this.messages = messages;
        this.history = history;
        this.members = members;
        this.audit = audit;
        this.sql = sql;
    }

    /** A page of the website's conversations that have had a thread, latest message first, optionally of one status. */
    @Transactional
    ConversationPage list(AuthenticatedServerKey key, ThreadStatus status, String cursor, int limit) {
        ConversationCursor after = cursor == null ? null : ConversationCursor.parse(cursor);
        StringBuilder query = new StringBuilder("SELECT ").append(ConversationView.COLUMNS)
                .append(" FROM conversations WHERE website_id = ? AND current_thread_id IS NOT NULL");
        List<Object> parameters = new ArrayList<>(List.of(key.websiteId()));
        if (status != null) {
            query.append(" AND status = ?");
            parameters.add(status);
        }
        if (after != null) {
            query.append(" AND (last_message_at, id) < (?, ?)");
            parameters.add(after.lastMessageAt());
            parameters.add(after.id());
        }
        query.append(" ORDER BY last_message_at DESC, id DESC LIMIT ?");
        parameters.add(limit + 1);
        List<ConversationView> rows = sql.list(query.toString(), ConversationView::of, parameters.toArray());
        List<ConversationView> page = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit
                ? new ConversationCursor(page.get(page.size() - 1).lastMessageAt(), page.get(page.size() - 1).id()).encode() : null;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("count", page.size());
        if (status != null) {
            detail.put("status", status.value());
        }
        record(key, "server.conversations.listed", "website", key.websiteId(), detail);
        return new ConversationPage(List.copyOf(page), next);
    }

    /** The conversation with all its threads. */
    @Transactional
    ConversationDetail get(AuthenticatedServerKey key, UUID conversationId) {
        ConversationView conversation = require(key, conversationId);
        record(key, "server.conversation.read", TARGET, conversationId, Map.of());
        return new ConversationDetail(conversation, threads.all(conversationId));
    }

    /** A page of the conversation's messages, notes included: the backend speaks for the website's agents. */
    @Transactional
    HistoryPage messages(AuthenticatedServerKey key, UUID conversationId, Long before, Long after, Integer limit) {
        require(key, conversationId);
        HistoryPage page = history.page(conversationId, before, after, limit, true);
        record(key, "server.messages.read", TARGET, conversationId, Map.of("count", page.messages().size()));
        return page;
    }

    /**
     * Posts a message as a named bot or as an agent of the website (404 when the agent is no live member, 403 when
     * their role may not reply or write notes); a known {@code client_msg_id} returns the stored message.
     */
    @Transactional
    Posted post(AuthenticatedServerKey key, UUID conversationId, PostServerMessageRequest request) {
        MessageKind kind = "note".equals(request.kind()) ? MessageKind.NOTE : MessageKind.TEXT;
        Author author = author(key, request.as(), kind);
        require(key, conversationId);
        Posted posted = messages.post(new PostMessage(key.websiteId(), conversationId, author, kind, request.clientMsgId(), request.body()));
        record(key, "server.message.posted", TARGET, conversationId, Map.of("message_id", posted.message().id().toString(),
                "author_kind", author.kind().value(), "author_id", author.id(), "created", posted.created()));
        return posted;
    }

    /** Ends the conversation's current thread on the backend's behalf (closed by a bot without a name). */
    @Transactional
    ThreadView close(AuthenticatedServerKey key, UUID conversationId, CloseThreadRequest request) {
        require(key, conversationId);
        boolean resolved = request != null && Boolean.TRUE.equals(request.resolved());
        ThreadView thread = threads.close(conversationId, BACKEND, resolved, request == null ? null : request.reason());
        record(key, "server.thread.closed", TARGET, conversationId, Map.of("thread_id", thread.id().toString(), "resolved", resolved));
        return thread;
    }

    private ConversationView require(AuthenticatedServerKey key, UUID conversationId) {
        return conversations.find(key.websiteId(), conversationId).orElseThrow(() -> ApiException.notFound("Conversation"));
    }

    private Author author(AuthenticatedServerKey key, Sender as, MessageKind kind) {
        boolean bot = as.botName() != null;
        if (bot == (as.agentId() != null)) {
            throw ApiException.invalid("as", "give exactly one of bot_name and agent_id");
        }
        if (bot) {
            String name = MessageText.require(as.botName(), "as.bot_name", Sender.MAX_BOT_NAME).strip();
            if (name.contains("\n") || name.contains("\t")) {
                throw ApiException.invalid("as.bot_name", "must be 1 to " + Sender.MAX_BOT_NAME + " characters on one line");
            }
            return new Author(AuthorKind.BOT, name, name);
        }
        if (as.agentId().isBlank() || as.agentId().length() > Sender.MAX_AGENT_ID) {
            throw ApiException.invalid("as.agent_id", "must be 1 to " + Sender.MAX_AGENT_ID + " characters");
        }
        Member member = members.find(key.websiteId(), as.agentId()).filter(found -> !found.disabled())
                .orElseThrow(() -> ApiException.notFound("Agent"));
        ConversationPermission permission = kind == MessageKind.NOTE ? ConversationPermission.WRITE_NOTES : ConversationPermission.REPLY;
        if (!permission.allows(member.role())) {
            throw ApiException.forbidden("This agent's role may not " + (kind == MessageKind.NOTE ? "write notes." : "reply."));
        }
        return new Author(AuthorKind.AGENT, member.agentId(), member.name());
    }

    private void record(AuthenticatedServerKey key, String action, String targetType, UUID targetId, Map<String, ?> detail) {
        audit.record(key.websiteId(), AuditActorKind.SERVER_KEY, key.keyId(), action, targetType, targetId.toString(), detail);
    }
}
