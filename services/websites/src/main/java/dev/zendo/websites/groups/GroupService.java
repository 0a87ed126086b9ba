package dev.zendo.websites.groups;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.events.v1.GroupChanged;
import dev.zendo.platform.http.ApiException;
import dev.zendo.websites.WebsitesSettings;
import dev.zendo.websites.access.Permission;
import dev.zendo.websites.access.WebsiteAccess;
import dev.zendo.websites.events.EventPublisher;
import dev.zendo.websites.members.MemberRepository;
import dev.zendo.websites.website.WebsiteRepository;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Groups (departments): their settings, their members, and the one default group of each website. */
@Singleton
public class GroupService {

    private static final String DEFAULT_NAME = "General";

    private final GroupRepository groups;
    private final MemberRepository members;
    private final WebsiteRepository websites;
    private final WebsiteAccess access;
    private final EventPublisher events;
    private final WebsitesSettings settings;
    private final Clock clock;

    GroupService(GroupRepository groups, MemberRepository members, WebsiteRepository websites, WebsiteAccess access,
                 EventPublisher events, WebsitesSettings settings, Clock clock) {
        this.groups = groups;
        this.members = members;
        this.websites = websites;
        this.access = access;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Creates the default group of a website being created, with its first member in it. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void createDefault(UUID websiteId, UUID groupId, String ownerAgentId) {
        Instant now = clock.instant();
        Group group = groups.save(new Group(groupId, websiteId, DEFAULT_NAME, Routing.ROUND_ROBIN, true, now, now));
        groups.addMember(group.id(), websiteId, ownerAgentId);
        publish(group, ownerAgentId, false);
    }

    /** Puts a new member of the website into its default group. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void addToDefault(UUID websiteId, String agentId, String actorAgentId) {
        groups.findByWebsiteIdAndDefaultGroup(websiteId, true).ifPresent(group -> {
            groups.addMember(group.id(), websiteId, agentId);
            publish(group, actorAgentId, false);
        });
    }

    /** Takes a member who is leaving the website out of every group. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void removeFromAll(UUID websiteId, String agentId, String actorAgentId) {
        for (UUID groupId : groups.findGroupIdsOf(websiteId, agentId)) {
            groups.removeMember(groupId, agentId);
            groups.findById(groupId).ifPresent(group -> publish(group, actorAgentId, false));
        }
    }

    @Transactional(readOnly = true)
    public List<GroupView> list(AuthenticatedAgent agent, UUID websiteId) {
        access.require(agent, websiteId, Permission.VIEW_GROUPS);
        return groups.findByWebsiteIdOrderByCreatedAt(websiteId).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public GroupView get(AuthenticatedAgent agent, UUID websiteId, UUID groupId) {
        access.require(agent, websiteId, Permission.VIEW_GROUPS);
        return view(find(websiteId, groupId));
    }

    @Transactional
    public GroupView create(AuthenticatedAgent agent, UUID websiteId, CreateGroupRequest request) {
        access.require(agent, websiteId, Permission.MANAGE_GROUPS);
        websites.lock(websiteId);
        if (groups.countByWebsiteId(websiteId) >= settings.maxGroups()) {
            throw ApiException.conflict("too_many_groups", "A website can have at most " + settings.maxGroups() + " groups.");
        }
        String name = request.name().strip();
        requireFreeName(websiteId, name, null);
        Instant now = clock.instant();
        Routing routing = request.routing() == null ? Routing.ROUND_ROBIN : Routing.parse(request.routing());
        Group group = groups.save(new Group(UUID.randomUUID(), websiteId, name, routing, false, now, now));
        return publish(group, agent.id(), false);
    }

    @Transactional
    public GroupView update(AuthenticatedAgent agent, UUID websiteId, UUID groupId, UpdateGroupRequest request) {
        access.require(agent, websiteId, Permission.MANAGE_GROUPS);
        websites.lock(websiteId);
        Group group = find(websiteId, groupId);
        String name = request.name() == null ? group.name() : request.name().strip();
        requireFreeName(websiteId, name, groupId);
        Routing routing = request.routing() == null ? group.routing() : Routing.parse(request.routing());
        Instant now = clock.instant();
        boolean becomesDefault = Boolean.TRUE.equals(request.isDefault()) && !group.defaultGroup();
        if (becomesDefault) {
            groups.findByWebsiteIdAndDefaultGroup(websiteId, true).ifPresent(previous -> {
                Group demoted = groups.update(previous.with(previous.name(), previous.routing(), false, now));
                publish(demoted, agent.id(), false);
            });
        }
        Group updated = groups.update(group.with(name, routing, group.defaultGroup() || becomesDefault, now));
        return publish(updated, agent.id(), false);
    }

    @Transactional
    public void delete(AuthenticatedAgent agent, UUID websiteId, UUID groupId) {
        access.require(agent, websiteId, Permission.MANAGE_GROUPS);
        websites.lock(websiteId);
        Group group = find(websiteId, groupId);
        if (group.defaultGroup()) {
            throw ApiException.conflict("default_group", "The default group cannot be deleted: make another group the default first.");
        }
        groups.delete(group);
        publish(group, agent.id(), true);
    }

    @Transactional
    public GroupView addMember(AuthenticatedAgent agent, UUID websiteId, UUID groupId, String agentId) {
        access.require(agent, websiteId, Permission.MANAGE_GROUPS);
        websites.lock(websiteId);
        Group group = find(websiteId, groupId);
        members.findByWebsiteIdAndAgentId(websiteId, agentId).orElseThrow(() -> ApiException.notFound("Member"));
        if (groups.addMember(groupId, websiteId, agentId) == 0) {
            return view(group);
        }
        return publish(group, agent.id(), false);
    }

    @Transactional
    public GroupView removeMember(AuthenticatedAgent agent, UUID websiteId, UUID groupId, String agentId) {
        access.require(agent, websiteId, Permission.MANAGE_GROUPS);
        websites.lock(websiteId);
        Group group = find(websiteId, groupId);
        if (groups.removeMember(groupId, agentId) == 0) {
            throw ApiException.notFound("Group member");
        }
        return publish(group, agent.id(), false);
    }

    private Group find(UUID websiteId, UUID groupId) {
        return groups.findByIdAndWebsiteId(groupId, websiteId).orElseThrow(() -> ApiException.notFound("Group"));
    }

    private void requireFreeName(UUID websiteId, String name, UUID exceptId) {
        if (groups.nameTaken(websiteId, name, exceptId == null ? new UUID(0, 0) : exceptId)) {
            throw ApiException.conflict("name_taken", "Another group of this website is called " + name + ".");
        }
    }

    private GroupView view(Group group) {
        return GroupView.of(group, groups.findMemberIds(group.id()));
    }

    private GroupView publish(Group group, String actorAgentId, boolean deleted) {
        GroupView view = deleted ? GroupView.of(group, List.of()) : view(group);
        events.toServicesAndAgents(group.websiteId(), actorAgentId, event -> event.setGroupChanged(GroupChanged.newBuilder()
                .setWebsiteId(group.websiteId().toString())
                .setGroupId(group.id().toString())
                .setName(group.name())
                .setRouting(group.routing().toEvent())
                .setIsDefault(group.defaultGroup())
                .addAllMemberAgentIds(view.memberAgentIds())
                .setDeleted(deleted)));
        return view;
    }
}
