package dev.zendo.conversations.server;

import java.util.UUID;

/**
 * The website backend a server API request was made by, from its working secret key. Declare it as a controller
 * parameter to require one: a request without a working {@code sk_} key gets 401 before the method runs.
 *
 * @param websiteId the key's website: the only one the request may touch
 * @param keyId     the key's id, which the audit log names (never the key)
 */
public record AuthenticatedServerKey(UUID websiteId, String keyId) {
}
