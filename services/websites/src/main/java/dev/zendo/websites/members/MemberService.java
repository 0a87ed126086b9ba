package dev.zendo.websites.members;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.events.v1.MemberAdded;
import dev.zendo.events.v1.MemberRemoved;
import dev.zendo.events.v1.MemberRoleChanged;
import dev.zendo.platform.http.ApiException;
import dev.zendo.websites.WebsitesSettings;
import dev.zendo.websites.access.Permission;
import dev.zendo.websites.access.Role;
import dev.zendo.websites.access.WebsiteAccess;
import dev.zendo.websites.events.EventPublisher;
import dev.zendo.websites.groups.GroupService;
import dev.zendo.websites.website.WebsiteRepository;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Who belongs to a website, in which role, and how many chats they take; a website always keeps an owner. */
@Singleton
public class MemberService {

    private final MemberRepository members;
    private final WebsiteRepository websites;
    private final GroupService groups;
    private final WebsiteAccess access;
    private final EventPublisher events;
    private final WebsitesSettings settings;
    private final Clock clock;

    MemberService(MemberRepository members, WebsiteRepository websites, GroupService groups, WebsiteAccess access,
                  EventPublisher events, WebsitesSettings settings, Clock clock) {
        this.members = members;
        this.websites = websites;
        this.groups = groups;
        this.access = access;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Makes the creator of a website being created its owner (the caller puts them into the default group). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void addCreator(UUID websiteId, AuthenticatedAgent creator) {
        Member owner = members.save(newMember(websiteId, creator, Role.OWNER));
        publishAdded(owner, creator.id());
    }

    /** Adds an agent who accepted an invitation, and puts them into the default group. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public MemberView join(UUID websiteId, AuthenticatedAgent agent, Role role) {
        if (members.findByWebsiteIdAndAgentId(websiteId, agent.id()).isPresent()) {
            throw ApiException.conflict("already_member", "You are already a member of this website.");
        }
        if (members.countByWebsiteId(websiteId) >= settings.maxMembers()) {
            throw ApiException.conflict("too_many_members", "This website has reached its limit of " + settings.maxMembers() + " members.");
        }
        Member member = members.save(newMember(websiteId, agent, role));
        publishAdded(member, agent.id());
        groups.addToDefault(websiteId, agent.id(), agent.id());
        return MemberView.of(member);
    }

    @Transactional(readOnly = true)
    public List<MemberView> list(AuthenticatedAgent agent, UUID websiteId) {
        access.require(agent, websiteId, Permission.VIEW_MEMBERS);
        return members.findByWebsiteIdOrderByJoinedAt(websiteId).stream().map(MemberView::of).toList();
    }

    @Transactional
    public MemberView update(AuthenticatedAgent agent, UUID websiteId, String agentId, UpdateMemberRequest request) {
        boolean self = agent.id().equals(agentId);
        access.require(agent, websiteId, self && request.onlyAvailability() ? Permission.SET_OWN_AVAILABILITY : Permission.MANAGE_MEMBERS);
        websites.lock(websiteId);
        Member member = find(websiteId, agentId);
        Role role = request.role() == null ? member.role() : Role.parse(request.role());
        if (member.role() == Role.OWNER || role == Role.OWNER) {
            access.require(agent, websiteId, Permission.MANAGE_OWNERS);
        }
        if (member.role() == Role.OWNER && role != Role.OWNER) {
            requireAnotherOwner(websiteId);
        }
        Member updated = members.update(member.with(role,
                request.maxConcurrentChats() == null ? member.maxConcurrentChats() : request.maxConcurrentChats(),
                request.acceptingChats() == null ? member.acceptingChats() : request.acceptingChats()));
        if (!updated.equals(member)) {
            events.toServicesAndAgents(websiteId, agent.id(), event -> event.setMemberRoleChanged(MemberRoleChanged.newBuilder()
                    .setWebsiteId(websiteId.toString())
                    .setAgentId(agentId)
                    .setOldRole(member.role().toEvent())
                    .setNewRole(updated.role().toEvent())
                    .setMaxConcurrentChats(updated.maxConcurrentChats())
                    .setAcceptingChats(updated.acceptingChats())));
        }
        return MemberView.of(updated);
    }

    /** Removes a member, or lets the caller leave. */
    @Transactional
    public void remove(AuthenticatedAgent agent, UUID websiteId, String agentId) {
        boolean self = agent.id().equals(agentId);
        access.require(agent, websiteId, self ? Permission.LEAVE_WEBSITE : Permission.MANAGE_MEMBERS);
        websites.lock(websiteId);
        Member member = find(websiteId, agentId);
        if (member.role() == Role.OWNER) {
            if (!self) {
                access.require(agent, websiteId, Permission.MANAGE_OWNERS);
            }
            requireAnotherOwner(websiteId);
        }
        groups.removeFromAll(websiteId, agentId, agent.id());
        members.delete(member);
        events.toServicesAndAgents(websiteId, agent.id(), event -> event.setMemberRemoved(MemberRemoved.newBuilder()
                .setWebsiteId(websiteId.toString())
                .setAgentId(agentId)));
    }

    private Member find(UUID websiteId, String agentId) {
        return members.findByWebsiteIdAndAgentId(websiteId, agentId).orElseThrow(() -> ApiException.notFound("Member"));
    }

    private void requireAnotherOwner(UUID websiteId) {
        if (members.countByWebsiteIdAndRole(websiteId, Role.OWNER) <= 1) {
            throw ApiException.conflict("last_owner", "A website keeps at least one owner: make someone else an owner first.");
        }
    }

    private Member newMember(UUID websiteId, AuthenticatedAgent agent, Role role) {
        return new Member(UUID.randomUUID(), websiteId, agent.id(), agent.email(), agent.name(), role,
                settings.defaultMaxConcurrentChats(), role != Role.VIEWER, clock.instant());
    }

    private void publishAdded(Member member, String actorAgentId) {
        events.toServicesAndAgents(member.websiteId(), actorAgentId, event -> event.setMemberAdded(MemberAdded.newBuilder()
                .setWebsiteId(member.websiteId().toString())
                .setAgentId(member.agentId())
                .setRole(member.role().toEvent())
                .setMaxConcurrentChats(member.maxConcurrentChats())
                .setAcceptingChats(member.acceptingChats())));
    }
}
