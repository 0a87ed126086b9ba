package dev.zendo.websites.website;

import dev.zendo.outbox.Events;
import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.events.v1.WebsiteDeleted;
import dev.zendo.events.v1.WebsiteRestored;
import dev.zendo.platform.http.ApiException;
import dev.zendo.websites.WebsitesSettings;
import dev.zendo.websites.access.Membership;
import dev.zendo.websites.access.Permission;
import dev.zendo.websites.access.Role;
import dev.zendo.websites.access.WebsiteAccess;
import dev.zendo.websites.events.EventPublisher;
import dev.zendo.websites.groups.GroupService;
import dev.zendo.websites.keys.IssuedKeys;
import dev.zendo.websites.keys.KeyService;
import dev.zendo.websites.members.Member;
import dev.zendo.websites.members.MemberRepository;
import dev.zendo.websites.members.MemberService;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Websites' lifecycle and settings: create (the creator owns it), read, update, soft delete and restore. */
@Singleton
class WebsiteService {

    private final WebsiteRepository websites;
    private final MemberRepository members;
    private final KeyService keys;
    private final MemberService memberships;
    private final GroupService groups;
    private final WebsiteAccess access;
    private final EventPublisher events;
    private final WebsitesSettings settings;
    private final Clock clock;

    WebsiteService(WebsiteRepository websites, MemberRepository members, KeyService keys,
                   MemberService memberships, GroupService groups, WebsiteAccess access,
                   EventPublisher events, WebsitesSettings settings, Clock clock) {
        this.websites = websites;
        this.members = members;
        this.keys = keys;
        this.memberships = memberships;
        this.groups = groups;
        this.access = access;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Creates a website owned by the caller, with its keys and default group; the answer carries the secret key once.
     * 409 {@code too_many_websites} when the caller already owns the most websites allowed (those in the trash count).
     */
    @Transactional
    WebsiteView create(AuthenticatedAgent agent, CreateWebsiteRequest request) {
        websites.lockCreationsOf(agent.id());
        if (websites.countOwnedBy(agent.id()) >= settings.maxWebsitesPerAgent()) {
            throw ApiException.conflict("too_many_websites", "An agent can own at most " + settings.maxWebsitesPerAgent() + " websites.");
        }
        Instant now = clock.instant();
        Website website = websites.save(new Website(UUID.randomUUID(), request.name().strip(), hosts(request.domains()),
                hosts(request.allowedOrigins()), request.widget() == null ? WidgetSettings.DEFAULTS : request.widget(),
                agent.id(), now, now, null));
        IssuedKeys issued = keys.issueFirst(website.id());
        UUID defaultGroupId = UUID.randomUUID();
        events.toServices(website.id(), agent.id(),
                event -> event.setWebsiteCreated(WebsitePayloads.created(website, issued, defaultGroupId.toString())));
        memberships.addCreator(website.id(), agent);
        groups.createDefault(website.id(), defaultGroupId, agent.id());
        return WebsiteView.of(website, issued.publicKey(), Role.OWNER).withSecretKey(issued.secretKey());
    }

    /** The caller's websites: live ones, or those in the trash. */
    @Transactional(readOnly = true)
    List<WebsiteView> listMine(AuthenticatedAgent agent, boolean deleted) {
        List<Website> mine = websites.findByMember(agent.id(), deleted);
        Map<UUID, String> publicKeys = keys.currentPublicKeys(mine.stream().map(Website::id).toList());
        Map<UUID, Role> roles = members.findByAgentId(agent.id()).stream()
                .collect(Collectors.toMap(Member::websiteId, Member::role));
        return mine.stream().map(website -> WebsiteView.of(website, publicKeys.get(website.id()), roles.get(website.id()))).toList();
    }

    @Transactional(readOnly = true)
    WebsiteView get(AuthenticatedAgent agent, UUID websiteId) {
        Membership membership = access.require(agent, websiteId, Permission.VIEW_WEBSITE);
        return view(websites.findById(websiteId).orElseThrow(), membership);
    }

    @Transactional
    WebsiteView update(AuthenticatedAgent agent, UUID websiteId, UpdateWebsiteRequest request) {
        Membership membership = access.require(agent, websiteId, Permission.UPDATE_WEBSITE);
        Website current = websites.lock(websiteId).orElseThrow();
        Website updated = websites.update(new Website(current.id(),
                request.name() == null ? current.name() : request.name().strip(),
                request.domains() == null ? current.domains() : hosts(request.domains()),
                request.allowedOrigins() == null ? current.allowedOrigins() : hosts(request.allowedOrigins()),
                request.widget() == null ? current.widget() : request.widget(),
                current.createdBy(), current.createdAt(), clock.instant(), null));
        events.toServices(websiteId, agent.id(), event -> event.setWebsiteUpdated(WebsitePayloads.updated(updated)));
        return view(updated, membership);
    }

    /** Moves a website to the trash: it disappears for everyone until restored or purged. */
    @Transactional
    void delete(AuthenticatedAgent agent, UUID websiteId) {
        access.require(agent, websiteId, Permission.DELETE_WEBSITE);
        Website current = websites.lock(websiteId).orElseThrow();
        Instant now = clock.instant();
        websites.update(withDeletedAt(current, now));
        Instant purgeAfter = now.plus(settings.purgeAfter());
        events.toServices(websiteId, agent.id(), event -> event.setWebsiteDeleted(WebsiteDeleted.newBuilder()
                .setWebsiteId(websiteId.toString())
                .setPurgeAfter(Events.timestamp(purgeAfter))));
    }

    /** Takes a website out of the trash; a live website stays as it is. */
    @Transactional
    WebsiteView restore(AuthenticatedAgent agent, UUID websiteId) {
        Membership membership = access.require(agent, websiteId, Permission.RESTORE_WEBSITE);
        Website current = websites.lock(websiteId).orElseThrow();
        if (current.deletedAt() == null) {
            return view(current, membership);
        }
        Website restored = websites.update(withDeletedAt(current, null));
        events.toServices(websiteId, agent.id(), event -> event.setWebsiteRestored(WebsiteRestored.newBuilder()
                .setWebsiteId(websiteId.toString())));
        return view(restored, membership);
    }

    private WebsiteView view(Website website, Membership membership) {
        return WebsiteView.of(website, keys.currentPublicKey(website.id()).orElse(null), membership.role());
    }

    private static Website withDeletedAt(Website website, Instant deletedAt) {
        return new Website(website.id(), website.name(), website.domains(), website.allowedOrigins(), website.widget(),
                website.createdBy(), website.createdAt(), website.updatedAt(), deletedAt);
    }

    /** Host names and origins compare without case: stored lower-case, each once, in the order given. */
    private static List<String> hosts(List<String> values) {
        return values == null ? List.of() : values.stream().map(value -> value.toLowerCase(Locale.ROOT)).distinct().toList();
    }
}
