package dev.zendo.conversations.widget;

import dev.zendo.conversations.replica.MemberDirectory;
import dev.zendo.conversations.routing.Presence;
import jakarta.inject.Singleton;

import java.util.UUID;

/** Whether a website has an agent a visitor could reach now: a member accepting chats, not disabled, online and not away. */
@Singleton
class AgentsOnline {

    private final MemberDirectory members;
    private final Presence presence;

    AgentsOnline(MemberDirectory members, Presence presence) {
        this.members = members;
        this.presence = presence;
    }

    boolean any(UUID websiteId) {
        Presence.Snapshot now = presence.of(websiteId);
        if (now.expiries().isEmpty()) {
            return false;
        }
        return members.members(websiteId).stream()
                .anyMatch(member -> member.acceptingChats() && !member.disabled() && now.available(member.agentId()));
    }
}
