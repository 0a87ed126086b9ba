package dev.zendo.conversations.agent;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.conversations.access.ConversationPermission;
import dev.zendo.conversations.access.Role;
import dev.zendo.conversations.conversation.ConversationView;
import dev.zendo.conversations.replica.GroupDirectory;
import dev.zendo.conversations.replica.Member;
import dev.zendo.conversations.replica.MemberDirectory;
import dev.zendo.conversations.routing.Assignments;
import dev.zendo.conversations.thread.ThreadService;
import dev.zendo.conversations.thread.ThreadStatus;
import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ActorKind;
import dev.zendo.platform.http.ApiException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * Agents' actions on a conversation's current thread: assign or transfer (through routing's {@link Assignments}, the one
 * capacity-safe way), resolve, close and reopen (through {@link ThreadService}). An agent role takes only waiting
 * threads or their own, and closes or reopens only conversations assigned to them.
 */
@Singleton
class ConversationActions {

    private final AgentConversations conversations;
    private final Assignments assignments;
    private final ThreadService threads;
    private final MemberDirectory members;
    private final GroupDirectory groups;

    ConversationActions(AgentConversations conversations, Assignments assignments, ThreadService threads,
                        MemberDirectory members, GroupDirectory groups) {
        this.conversations = conversations;
        this.assignments = assignments;
        this.threads = threads;
        this.members = members;
        this.groups = groups;
    }

    /**
     * Gives the conversation's open thread to an agent or a group's queue. Taking it oneself needs {@code ASSIGN_SELF}
     * (and respects one's capacity); anything else {@code ASSIGN_OTHERS}.
     */
    ConversationDetails assign(AuthenticatedAgent agent, UUID websiteId, UUID conversationId, AssignRequest request) {
        if ((request.agentId() == null) == (request.groupId() == null)) {
            throw ApiException.invalid("agent_id, group_id: give exactly one of them");
        }
        boolean self = agent.id().equals(request.agentId());
        AgentConversations.Found found = conversations.require(agent, websiteId, conversationId,
                self ? ConversationPermission.ASSIGN_SELF : ConversationPermission.ASSIGN_OTHERS);
        ConversationView conversation = found.conversation();
        UUID threadId = openThread(conversation);
        Actor by = actor(agent);
        if (request.groupId() != null) {
            groups.find(websiteId, request.groupId())
                    .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "group_not_found", "Group not found"));
            assignments.toGroup(threadId, request.groupId(), by);
        } else {
            if (!found.member().may(ConversationPermission.ASSIGN_OTHERS) && conversation.status() != ThreadStatus.PENDING
                    && !agent.id().equals(conversation.agentId())) {
                throw ApiException.forbidden("Agents take waiting conversations only; a supervisor transfers the others.");
            }
            requireTaker(websiteId, request.agentId());
            assignments.assign(threadId, request.agentId(), by, self);
        }
        return conversations.details(found.member(), conversation.id());
    }

    /** Resolves ({@code resolved}) or closes the conversation's open thread. */
    ConversationDetails close(AuthenticatedAgent agent, UUID websiteId, UUID conversationId, boolean resolved, CloseRequest request) {
        AgentConversations.Found found = closer(agent, websiteId, conversationId);
        threads.close(found.conversation().id(), actor(agent), resolved, request == null ? null : request.reason());
        return conversations.details(found.member(), found.conversation().id());
    }

    /** Reopens the conversation's ended thread, with the caller as its agent. */
    ConversationDetails reopen(AuthenticatedAgent agent, UUID websiteId, UUID conversationId) {
        AgentConversations.Found found = closer(agent, websiteId, conversationId);
        threads.reopen(found.conversation().id(), actor(agent));
        return conversations.details(found.member(), found.conversation().id());
    }

    private AgentConversations.Found closer(AuthenticatedAgent agent, UUID websiteId, UUID conversationId) {
        AgentConversations.Found found = conversations.require(agent, websiteId, conversationId, ConversationPermission.CLOSE_REOPEN);
        if (found.member().role() == Role.AGENT && !agent.id().equals(found.conversation().agentId())) {
            throw ApiException.forbidden("Agents close and reopen only conversations assigned to them.");
        }
        return found;
    }

    private void requireTaker(UUID websiteId, String agentId) {
        Member member = members.find(websiteId, agentId).filter(found -> !found.disabled())
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "agent_not_found", "Agent not found in this website"));
        if (member.role() == Role.VIEWER) {
            throw ApiException.conflict("agent_cannot_take_chats", "Viewers do not take conversations.");
        }
    }

    private static UUID openThread(ConversationView conversation) {
        if (conversation.currentThreadId() == null) {
            throw ApiException.conflict("no_thread", "The conversation has no thread yet.");
        }
        if (!conversation.status().open()) {
            throw ApiException.conflict("thread_closed", "The conversation's thread is closed: reopen it first.");
        }
        return conversation.currentThreadId();
    }

    private static Actor actor(AuthenticatedAgent agent) {
        return Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_AGENT).setId(agent.id()).build();
    }
}
