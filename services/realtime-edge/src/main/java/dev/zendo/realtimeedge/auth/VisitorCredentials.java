package dev.zendo.realtimeedge.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * A visitor admitted by a session token.
 *
 * @param visitorId the token's subject
 * @param websiteId the website the visitor chats with
 * @param expiresAt the token's expiry
 */
public record VisitorCredentials(UUID visitorId, UUID websiteId, Instant expiresAt) implements Credentials {

    @Override
    public String subject() {
        return visitorId.toString();
    }
}
