package dev.zendo.websites.access;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.platform.http.ApiException;
import dev.zendo.websites.WebsitesSettings;
import dev.zendo.websites.members.MemberAccess;
import dev.zendo.websites.members.MemberRepository;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

/**
 * The one place permissions are enforced: every action on a website asks here first. Non-members get 404, so a
 * foreign tenant never learns that a website exists; members lacking the permission get 403.
 */
@Singleton
public class WebsiteAccess {

    private final MemberRepository members;
    private final WebsitesSettings settings;
    private final Clock clock;

    WebsiteAccess(MemberRepository members, WebsitesSettings settings, Clock clock) {
        this.members = members;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The caller's membership of the website, when it may take the action.
     *
     * @throws ApiException 404 when the caller is no member or the website is deleted (unless the action is
     *                      {@link Permission#RESTORE_WEBSITE} and the website is still restorable); 403 when the
     *                      caller's role lacks the permission
     */
    public Membership require(AuthenticatedAgent agent, UUID websiteId, Permission permission) {
        MemberAccess access = members.findAccess(websiteId, agent.id())
                .filter(found -> found.deletedAt() == null || permission.appliesToDeletedWebsite() && restorable(found))
                .orElseThrow(() -> ApiException.notFound("Website"));
        if (!permission.allows(access.role())) {
            throw ApiException.forbidden("Your role in this website (" + access.role().value() + ") does not allow this.");
        }
        return new Membership(websiteId, agent.id(), access.role());
    }

    private boolean restorable(MemberAccess access) {
        return access.deletedAt().plus(settings.purgeAfter()).isAfter(clock.instant());
    }
}
