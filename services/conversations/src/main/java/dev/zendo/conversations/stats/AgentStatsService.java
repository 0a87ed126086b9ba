package dev.zendo.conversations.stats;

import dev.zendo.conversations.replica.Member;
import dev.zendo.conversations.replica.MemberDirectory;
import dev.zendo.conversations.replica.Site;
import dev.zendo.conversations.replica.SiteDirectory;
import dev.zendo.conversations.routing.Presence;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Per-member load and activity for supervisors: presence from Redis, capacity from the replica, active threads now and
 * the chats handled today: distinct conversations the agent replied in (a text to the visitor; notes do not count) or
 * ended a thread of (resolved or closed it, and it is still ended) since the day began. The day begins at midnight in
 * the website's business-hours time zone, or UTC when it has none or an unknown one.
 */
@Singleton
public class AgentStatsService {

    private static final String ACTIVE = """
            SELECT agent_id, count(*) FROM threads WHERE website_id = ? AND status = 'ACTIVE' AND agent_id IS NOT NULL GROUP BY agent_id""";
    private static final String HANDLED = """
            SELECT agent_id, count(DISTINCT conversation_id) FROM (
                SELECT author_id AS agent_id, conversation_id FROM messages
                WHERE website_id = ? AND created_at >= ? AND author_kind = 'AGENT' AND kind = 'TEXT'
                UNION ALL
                SELECT closed_by_id, conversation_id FROM threads
                WHERE website_id = ? AND closed_at >= ? AND closed_by_kind = 'AGENT' AND status IN ('RESOLVED', 'CLOSED')
            ) handled GROUP BY agent_id""";

    private static final ZoneId UTC = ZoneId.of("UTC");

    private final MemberDirectory members;
    private final SiteDirectory sites;
    private final Presence presence;
    private final Sql sql;
    private final Clock clock;

    AgentStatsService(MemberDirectory members, SiteDirectory sites, Presence presence, Sql sql, Clock clock) {
        this.members = members;
        this.sites = sites;
        this.presence = presence;
        this.sql = sql;
        this.clock = clock;
    }

    /** The stats of every member of the website. */
    @Transactional(readOnly = true)
    public AgentStats of(UUID websiteId) {
        ZoneId zone = sites.find(websiteId).map(AgentStatsService::zone).orElse(UTC);
        Instant dayStart = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
        Map<String, Long> active = counts(ACTIVE, websiteId);
        Map<String, Long> handled = counts(HANDLED, websiteId, dayStart, websiteId, dayStart);
        Presence.Snapshot now = presence.of(websiteId);
        List<AgentStat> agents = members.members(websiteId).stream()
                .map(member -> stat(member, now, active, handled))
                .toList();
        return new AgentStats(zone.getId(), dayStart, agents);
    }

    private Map<String, Long> counts(String query, Object... parameters) {
        Map<String, Long> counts = new HashMap<>();
        sql.list(query, row -> counts.put(row.getString(1), row.getLong(2)), parameters);
        return counts;
    }

    private static AgentStat stat(Member member, Presence.Snapshot presence, Map<String, Long> active, Map<String, Long> handled) {
        PresenceStatus status = presence.available(member.agentId()) ? PresenceStatus.ONLINE
                : presence.connected(member.agentId()) ? PresenceStatus.AWAY : PresenceStatus.OFFLINE;
        return new AgentStat(member.agentId(), member.name(), member.avatarUrl(), member.role(), status, member.acceptingChats(),
                member.maxConcurrentChats(), active.getOrDefault(member.agentId(), 0L), handled.getOrDefault(member.agentId(), 0L));
    }

    private static ZoneId zone(Site site) {
        String zone = site.widget().getBusinessHours().getTimeZone();
        if (zone.isBlank()) {
            return UTC;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return UTC;
        }
    }
}
