package dev.zendo.conversations.stats;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;

/**
 * The website's members with their load and today's activity.
 *
 * @param timeZone the time zone "today" is counted in: the website's business-hours zone, else UTC
 * @param dayStart when today began in that zone
 * @param agents   every member, by agent id
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record AgentStats(String timeZone, Instant dayStart, List<AgentStat> agents) {
}
