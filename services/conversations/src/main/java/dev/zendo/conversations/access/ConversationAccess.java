package dev.zendo.conversations.access;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.conversations.replica.Member;
import dev.zendo.conversations.replica.MemberDirectory;
import dev.zendo.platform.http.ApiException;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * The one place conversation permissions are enforced, from the replicated members: every agent action on a website's
 * conversations asks here first. Non-members, deleted and unknown websites get 404, so a foreign tenant never learns
 * that a website exists; members lacking the permission get 403.
 */
@Singleton
public class ConversationAccess {

    private final MemberDirectory members;

    ConversationAccess(MemberDirectory members) {
        this.members = members;
    }

    /**
     * The caller's membership of the website, when it may take the action.
     *
     * @throws ApiException 404 when the caller is no member or the website is deleted or unknown; 403 when the
     *                      caller's role lacks the permission
     */
    public AgentMembership require(AuthenticatedAgent agent, UUID websiteId, ConversationPermission permission) {
        Member member = members.find(websiteId, agent.id())
                .filter(found -> !found.disabled())
                .orElseThrow(() -> ApiException.notFound("Website"));
        if (!permission.allows(member.role())) {
            throw ApiException.forbidden("Your role in this website (" + member.role().value() + ") does not allow this.");
        }
        return new AgentMembership(websiteId, agent.id(), member.role());
    }
}
