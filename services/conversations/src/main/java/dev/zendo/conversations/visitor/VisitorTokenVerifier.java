package dev.zendo.conversations.visitor;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.zendo.auth.keys.SigningKeys;
import dev.zendo.auth.keys.SigningSettings;
import dev.zendo.auth.token.TokenVerifier;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpRequest;
import io.micronaut.context.annotation.Context;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks visitor session tokens with conversations' own public keys, without a network call: ES256 only,
 * conversations' issuer, the widget audience, not expired, {@code token_use=visitor}, and ids that are UUIDs.
 */
@Context
public class VisitorTokenVerifier {

    /** The audience the widget API requires; the realtime edge requires the other one visitor tokens carry. */
    public static final String WIDGET_AUDIENCE = "zendo-widget";

    private static final String BEARER = "Bearer ";
    private static final String VERIFIED = VisitorTokenVerifier.class.getName() + ".verified";

    private final TokenVerifier verifier;

    VisitorTokenVerifier(SigningKeys keys, SigningSettings settings) {
        if (!settings.audience().contains(WIDGET_AUDIENCE)) {
            throw new ConfigurationException("zendo.auth.signing.audience must include " + WIDGET_AUDIENCE
                    + ", not " + settings.audience());
        }
        this.verifier = TokenVerifier.local(keys.publicKeySet(), settings.issuer(), WIDGET_AUDIENCE);
    }

    /** The visitor the token was issued to, when it is a valid visitor token. */
    public Optional<AuthenticatedVisitor> verify(String token) {
        return verifier.verify(token)
                .filter(claims -> VisitorTokens.TOKEN_USE.equals(claims.getClaim("token_use")))
                .flatMap(VisitorTokenVerifier::visitorOf);
    }

    /** The visitor whose valid token {@code request} carries as its Bearer token; verified once per request. */
    @SuppressWarnings("unchecked")
    public Optional<AuthenticatedVisitor> verify(HttpRequest<?> request) {
        Optional<AuthenticatedVisitor> verified = (Optional<AuthenticatedVisitor>) request.getAttribute(VERIFIED).orElse(null);
        if (verified == null) {
            verified = request.getHeaders().getAuthorization()
                    .filter(header -> header.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                    .map(header -> header.substring(BEARER.length()).trim())
                    .flatMap(this::verify);
            request.setAttribute(VERIFIED, verified);
        }
        return verified;
    }

    private static Optional<AuthenticatedVisitor> visitorOf(JWTClaimsSet claims) {
        try {
            Object websiteId = claims.getClaim("website_id");
            if (!(websiteId instanceof String website)) {
                return Optional.empty();
            }
            Instant issuedAt = claims.getIssueTime().toInstant();
            Instant expiresAt = claims.getExpirationTime().toInstant();
            return Optional.of(new AuthenticatedVisitor(UUID.fromString(website), UUID.fromString(claims.getSubject()),
                    issuedAt, expiresAt));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
