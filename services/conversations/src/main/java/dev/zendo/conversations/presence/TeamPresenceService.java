package dev.zendo.conversations.presence;

import dev.zendo.conversations.replica.MemberDirectory;
import dev.zendo.conversations.routing.Presence;
import dev.zendo.conversations.stats.PresenceStatus;
import jakarta.inject.Singleton;

import java.util.UUID;

/** Every member's presence, read from the Redis keys the realtime edges keep (docs/protocol.md, "Presence keys"). */
@Singleton
public class TeamPresenceService {

    private final MemberDirectory members;
    private final Presence presence;

    TeamPresenceService(MemberDirectory members, Presence presence) {
        this.members = members;
        this.presence = presence;
    }

    /** The presence of every member of the website, as of now. */
    public TeamPresence of(UUID websiteId) {
        Presence.Snapshot now = presence.of(websiteId);
        return new TeamPresence(now.at(), members.members(websiteId).stream()
                .map(member -> of(member.agentId(), now))
                .toList());
    }

    private static MemberPresence of(String agentId, Presence.Snapshot now) {
        if (now.available(agentId)) {
            return new MemberPresence(agentId, PresenceStatus.ONLINE, null);
        }
        if (now.connected(agentId)) {
            return new MemberPresence(agentId, PresenceStatus.AWAY, null);
        }
        return new MemberPresence(agentId, PresenceStatus.OFFLINE, now.lastSeen(agentId));
    }
}
