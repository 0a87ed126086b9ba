package dev.zendo.conversations.replica;

import dev.zendo.inbox.EventFields;
import dev.zendo.conversations.access.Role;
import dev.zendo.events.v1.Envelope;
import dev.zendo.events.v1.MemberAdded;
import dev.zendo.events.v1.MemberRoleChanged;
import dev.zendo.inbox.EventHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static dev.zendo.inbox.EventFields.required;
import static dev.zendo.inbox.EventFields.uuid;

/**
 * Replicates the websites service's lifecycle topic: websites, keys, members and groups. Events of one website arrive
 * in order (the topic is keyed by website id). An event about a website never created here (its creation was lost to
 * a truncated topic) is skipped with a warning: without the creation there is no key to admit a widget with, so the
 * rows would be unreachable. Invitations and canned responses are not replicated; event types added later are skipped.
 */
@Singleton
class WebsitesReplicaHandler implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WebsitesReplicaHandler.class);

    private final ReplicaSettings settings;
    private final WebsiteRows websites;
    private final KeyRows keys;
    private final MemberRows members;
    private final GroupRows groups;

    WebsitesReplicaHandler(ReplicaSettings settings, WebsiteRows websites, KeyRows keys, MemberRows members, GroupRows groups) {
        this.settings = settings;
        this.websites = websites;
        this.keys = keys;
        this.members = members;
        this.groups = groups;
    }

    @Override
    public Set<String> topics() {
        return Set.of(settings.websitesTopic());
    }

    @Override
    public void handle(Envelope event, Connection connection) throws SQLException {
        Instant at = occurredAt(event);
        switch (event.getPayloadCase()) {
            case WEBSITE_CREATED -> {
                UUID websiteId = uuid("website_id", event.getWebsiteCreated().getWebsiteId());
                websites.created(connection, event.getWebsiteCreated(), at);
                keys.created(connection, websiteId, event.getWebsiteCreated());
            }
            case WEBSITE_UPDATED -> applied(event, websites.updated(connection, event.getWebsiteUpdated(), at));
            case WEBSITE_DELETED -> applied(event, websites.deleted(connection,
                    uuid("website_id", event.getWebsiteDeleted().getWebsiteId()), true, at));
            case WEBSITE_RESTORED -> applied(event, websites.deleted(connection,
                    uuid("website_id", event.getWebsiteRestored().getWebsiteId()), false, at));
            case MEMBER_ADDED -> {
                MemberAdded added = event.getMemberAdded();
                applied(event, members.upsert(connection, uuid("website_id", added.getWebsiteId()),
                        required("agent_id", added.getAgentId()), Role.of(added.getRole()), added.getMaxConcurrentChats(), added.getAcceptingChats()));
            }
            case MEMBER_ROLE_CHANGED -> {
                MemberRoleChanged changed = event.getMemberRoleChanged();
                applied(event, members.upsert(connection, uuid("website_id", changed.getWebsiteId()),
                        required("agent_id", changed.getAgentId()), Role.of(changed.getNewRole()), changed.getMaxConcurrentChats(), changed.getAcceptingChats()));
            }
            case MEMBER_REMOVED -> members.remove(connection, uuid("website_id", event.getMemberRemoved().getWebsiteId()),
                    required("agent_id", event.getMemberRemoved().getAgentId()));
            case KEY_ROTATED -> {
                UUID websiteId = uuid("website_id", event.getKeyRotated().getWebsiteId());
                applied(event, WebsiteRows.exists(connection, websiteId));
                keys.rotated(connection, websiteId, event.getKeyRotated(), at);
            }
            case GROUP_CHANGED -> applied(event, groups.changed(connection,
                    uuid("website_id", event.getGroupChanged().getWebsiteId()), event.getGroupChanged()));
            default -> LOG.debug("replica: {} event {} is not replicated", event.getType(), event.getEventId());
        }
    }

    private static Instant occurredAt(Envelope event) {
        Instant at = EventFields.instant(event.getOccurredAt());
        if (at == null) {
            throw new EventFields.MalformedEvent("occurred_at is not set");
        }
        return at;
    }

    private static void applied(Envelope event, boolean websiteKnown) {
        if (!websiteKnown) {
            LOG.warn("replica: skipped {} event {}: website {} is not replicated", event.getType(), event.getEventId(), event.getWebsiteId());
        }
    }
}
