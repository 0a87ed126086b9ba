package dev.zendo.conversations.visitor;

import dev.zendo.auth.keys.SigningSettings;
import dev.zendo.auth.token.TokenSigner;
import dev.zendo.auth.token.TokenSigner.SignedToken;
import io.micronaut.context.annotation.Context;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Issues visitor session tokens: ES256 JWTs signed with conversations' keys, {@code sub} the visitor,
 * {@code website_id} its website, {@code token_use=visitor}, for the realtime edge and the widget API.
 */
@Context
public class VisitorTokens {

    /** The {@code token_use} claim of every visitor token. */
    public static final String TOKEN_USE = "visitor";
    /** The shortest lifetime a website may give its visitors' tokens. */
    public static final Duration MIN_LIFETIME = Duration.ofHours(1);
    /** The longest lifetime a website may give its visitors' tokens. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(7);

    private final TokenSigner signer;
    private final Duration defaultLifetime;
    private final Clock clock;

    VisitorTokens(TokenSigner signer, SigningSettings settings, Clock clock) {
        this.signer = signer;
        this.defaultLifetime = requireLifetime(settings.ttl(), "zendo.auth.signing.ttl");
        this.clock = clock;
    }

    /** The lifetime of a website's visitor tokens when it has not chosen one. */
    public Duration defaultLifetime() {
        return defaultLifetime;
    }

    /** A token for {@code visitorId} of {@code websiteId}, valid for {@code lifetime} (1 h to 7 d). */
    public SignedToken issue(UUID websiteId, UUID visitorId, Duration lifetime) {
        return signer.sign(visitorId.toString(), Map.of("website_id", websiteId.toString(), "token_use", TOKEN_USE),
                requireLifetime(lifetime, "lifetime"));
    }

    /** Whether {@code visitor}'s token should be replaced: less than a quarter of its life is left. */
    public boolean renewalDue(AuthenticatedVisitor visitor) {
        Duration life = Duration.between(visitor.issuedAt(), visitor.expiresAt());
        Duration left = Duration.between(clock.instant(), visitor.expiresAt());
        return left.multipliedBy(4).compareTo(life) < 0;
    }

    private static Duration requireLifetime(Duration lifetime, String name) {
        if (lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException(name + " of a visitor token must be between " + MIN_LIFETIME + " and "
                    + MAX_LIFETIME + ", not " + lifetime);
        }
        return lifetime;
    }
}
