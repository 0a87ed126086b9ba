package dev.zendo.notifications.replica;

import dev.zendo.events.v1.Envelope;
import dev.zendo.inbox.EventHandler;
import dev.zendo.notifications.NotificationsSettings;
import dev.zendo.notifications.access.Role;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import static dev.zendo.inbox.EventFields.required;
import static dev.zendo.inbox.EventFields.uuid;

/**
 * Keeps the replica of agents (from identity's topic) and of websites, memberships and groups' members (from websites' topic). Events
 * of one agent or website arrive in order; each carries the state it sets, so a replay converges. Other events of
 * these topics are skipped here (other handlers act on them).
 */
@Singleton
class ReplicaHandler implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaHandler.class);

    private final NotificationsSettings settings;
    private final Agents agents;
    private final Websites websites;
    private final Members members;
    private final Groups groups;

    ReplicaHandler(NotificationsSettings settings, Agents agents, Websites websites, Members members, Groups groups) {
        this.settings = settings;
        this.agents = agents;
        this.websites = websites;
        this.members = members;
        this.groups = groups;
    }

    @Override
    public Set<String> topics() {
        return Set.of(settings.identityTopic(), settings.websitesTopic());
    }

    @Override
    public void handle(Envelope event, Connection connection) throws SQLException {
        switch (event.getPayloadCase()) {
            case AGENT_REGISTERED -> {
                var registered = event.getAgentRegistered();
                agents.upsert(connection, required("agent_id", registered.getAgentId()), registered.getEmail(),
                        registered.getName(), registered.getEmailVerified());
            }
            case AGENT_UPDATED -> {
                var updated = event.getAgentUpdated();
                agents.upsert(connection, required("agent_id", updated.getAgentId()), updated.getEmail(), updated.getName(),
                        updated.getEmailVerified());
            }
            case AGENT_DISABLED -> agents.disable(connection, required("agent_id", event.getAgentDisabled().getAgentId()));
            case WEBSITE_CREATED -> {
                var created = event.getWebsiteCreated();
                var websiteId = uuid("website_id", created.getWebsiteId());
                websites.upsert(connection, websiteId, created.getName(), created.getWidget().getLanguage());
                if (!created.getOwnerAgentId().isBlank()) {
                    members.upsert(connection, websiteId, created.getOwnerAgentId(), Role.OWNER);
                }
            }
            case WEBSITE_UPDATED -> {
                var updated = event.getWebsiteUpdated();
                websites.upsert(connection, uuid("website_id", updated.getWebsiteId()), updated.getName(), updated.getWidget().getLanguage());
            }
            case WEBSITE_DELETED -> websites.setDeleted(connection, uuid("website_id", event.getWebsiteDeleted().getWebsiteId()), true);
            case WEBSITE_RESTORED -> websites.setDeleted(connection, uuid("website_id", event.getWebsiteRestored().getWebsiteId()), false);
            case MEMBER_ADDED -> {
                var added = event.getMemberAdded();
                member(connection, added.getWebsiteId(), added.getAgentId(), added.getRole());
            }
            case MEMBER_ROLE_CHANGED -> {
                var changed = event.getMemberRoleChanged();
                member(connection, changed.getWebsiteId(), changed.getAgentId(), changed.getNewRole());
            }
            case MEMBER_REMOVED -> members.remove(connection, uuid("website_id", event.getMemberRemoved().getWebsiteId()),
                    required("agent_id", event.getMemberRemoved().getAgentId()));
            case GROUP_CHANGED -> {
                var group = event.getGroupChanged();
                groups.replace(connection, uuid("website_id", group.getWebsiteId()), required("group_id", group.getGroupId()),
                        group.getDeleted() ? List.of() : group.getMemberAgentIdsList());
            }
            default -> LOG.debug("replica: {} event {} is not replicated", event.getType(), event.getEventId());
        }
    }

    private void member(Connection connection, String websiteId, String agentId, dev.zendo.events.v1.Role role) throws SQLException {
        members.upsert(connection, uuid("website_id", websiteId), required("agent_id", agentId), Role.of(role)
                .orElseThrow(() -> new dev.zendo.inbox.EventFields.MalformedEvent("role is " + role)));
    }
}
