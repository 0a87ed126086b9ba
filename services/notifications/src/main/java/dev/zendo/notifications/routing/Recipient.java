package dev.zendo.notifications.routing;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/**
 * Who a notification goes to: an agent (by id) or an address only (an invitee, a visitor), and where.
 *
 * @param agentId the agent, or null for someone who is not an agent
 * @param email   the address the mail goes to
 */
public record Recipient(@Nullable String agentId, String email) {

    /** The recipient's part of the dedupe key: the agent, else the address in lower case. */
    String key() {
        return agentId != null ? "agent:" + agentId : "email:" + email.strip().toLowerCase(Locale.ROOT);
    }
}
