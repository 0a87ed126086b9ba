package dev.zendo.conversations.visitor;

import dev.zendo.platform.http.ApiException;
import io.micronaut.http.HttpStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * The visitor a widget request was made by, from a verified visitor session token. Declare it as a controller
 * parameter to require one: a request without a valid visitor token gets 401 before the method runs.
 *
 * @param websiteId the website the token was issued for ({@code website_id})
 * @param visitorId the visitor ({@code sub})
 * @param issuedAt  the token's {@code iat}
 * @param expiresAt the token's {@code exp}
 */
public record AuthenticatedVisitor(UUID websiteId, UUID visitorId, Instant issuedAt, Instant expiresAt) {

    /** This visitor, when its token was issued for {@code websiteId}; otherwise a 401, as for any token not meant for the call. */
    public AuthenticatedVisitor requireWebsite(UUID websiteId) {
        if (!this.websiteId.equals(websiteId)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "This visitor token is not valid for this website.");
        }
        return this;
    }
}
