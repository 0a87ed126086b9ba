package dev.zendo.notifications.access;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.notifications.replica.Members;
import dev.zendo.platform.http.ApiException;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * The check every website-scoped endpoint makes first: a non-member, or anyone for a deleted or unknown website, gets
 * 404 exactly as for a website that does not exist; a member whose role lacks the permission gets 403.
 */
@Singleton
public class WebsiteAccess {

    private final Members members;

    WebsiteAccess(Members members) {
        this.members = members;
    }

    /** The caller's membership in {@code websiteId} when it allows {@code permission}; else the 404 or 403 above. */
    public Membership require(AuthenticatedAgent agent, UUID websiteId, Permission permission) {
        Membership membership = members.of(websiteId, agent.id())
                .orElseThrow(() -> ApiException.notFound("Website"));
        if (!permission.allows(membership.role())) {
            throw ApiException.forbidden("Your role in this website does not allow this.");
        }
        return membership;
    }
}
