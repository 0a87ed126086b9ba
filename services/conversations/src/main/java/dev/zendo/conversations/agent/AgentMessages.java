package dev.zendo.conversations.agent;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.conversations.access.ConversationPermission;
import dev.zendo.conversations.message.Author;
import dev.zendo.conversations.message.AuthorKind;
import dev.zendo.conversations.message.History;
import dev.zendo.conversations.message.HistoryPage;
import dev.zendo.conversations.message.MessageKind;
import dev.zendo.conversations.message.MessageService;
import dev.zendo.conversations.message.PostMessage;
import dev.zendo.conversations.message.Posted;
import dev.zendo.conversations.message.ReadCursor;
import dev.zendo.conversations.message.ReadCursors;
import dev.zendo.conversations.message.ReaderKind;
import dev.zendo.conversations.replica.Member;
import dev.zendo.conversations.replica.MemberDirectory;
import jakarta.inject.Singleton;

import java.util.UUID;

/** An agent's side of a conversation's messages: history with notes, replies and notes, and read cursors. */
@Singleton
public class AgentMessages {

    private final AgentConversations conversations;
    private final History history;
    private final MessageService messages;
    private final ReadCursors readCursors;
    private final MemberDirectory members;

    AgentMessages(AgentConversations conversations, History history, MessageService messages, ReadCursors readCursors,
                  MemberDirectory members) {
        this.conversations = conversations;
        this.history = history;
        this.messages = messages;
        this.readCursors = readCursors;
        this.members = members;
    }

    /** A page of the conversation's messages, notes included. */
    HistoryPage page(AuthenticatedAgent agent, UUID websiteId, UUID conversationId, Long before, Long after, Integer limit) {
        UUID id = conversations.require(agent, websiteId, conversationId, ConversationPermission.VIEW_OWN_AND_QUEUE).conversation().id();
        return history.page(id, before, after, limit, true);
    }

    /** Stores a reply ({@code REPLY}) or a note ({@code WRITE_NOTES}) written by the caller, once per client_msg_id. */
    Posted post(AuthenticatedAgent agent, UUID websiteId, UUID conversationId, PostMessageRequest request) {
        ConversationPermission permission = request.note() ? ConversationPermission.WRITE_NOTES : ConversationPermission.REPLY;
        UUID id = conversations.require(agent, websiteId, conversationId, permission).conversation().id();
        String name = members.find(websiteId, agent.id()).map(Member::name).orElse(agent.name());
        return messages.post(new PostMessage(websiteId, id, new Author(AuthorKind.AGENT, agent.id(), name),
                request.note() ? MessageKind.NOTE : MessageKind.TEXT, request.clientMsgId(), request.body()));
    }

    /**
     * Moves the caller's read cursor forward to {@code seq} (the REST read endpoint and the realtime edge's read
     * commands): the caller must be a member of the website who sees the conversation, which must be the website's.
     */
    public ReadCursor read(AuthenticatedAgent agent, UUID websiteId, UUID conversationId, long seq) {
        UUID id = conversations.require(agent, websiteId, conversationId, ConversationPermission.VIEW_OWN_AND_QUEUE).conversation().id();
        return readCursors.markRead(id, ReaderKind.AGENT, agent.id(), seq);
    }
}
