package dev.zendo.conversations.server;

import dev.zendo.conversations.replica.SiteDirectory;
import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.ratelimit.RateLimit;
import dev.zendo.platform.ratelimit.RateLimiter;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.bind.binders.PostponedRequestArgumentBinder;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Binds {@link AuthenticatedServerKey} parameters from {@code Authorization: Bearer sk_…}, checked against the replica;
 * anything else (no header, another scheme, an unknown, revoked or expired key, a token that is no secret key) is a
 * 401. Each key then takes one permit of {@code zendo.rate-limits.server-api} (429 when none is left). Postponed, so
 * the database and Redis are asked on the blocking pool with the rest of the request, never on an event loop.
 */
@Singleton
class AuthenticatedServerKeyBinder implements TypedRequestArgumentBinder<AuthenticatedServerKey>,
        PostponedRequestArgumentBinder<AuthenticatedServerKey> {

    private static final String BEARER = "Bearer ";
    private static final String PREFIX = "sk_";
    private static final int MAX_KEY_LENGTH = 256;

    private final SiteDirectory sites;
    private final RateLimiter limiter;
    private final RateLimit perKey;

    AuthenticatedServerKeyBinder(SiteDirectory sites, RateLimiter limiter, @Named("server-api") RateLimit perKey) {
        this.sites = sites;
        this.limiter = limiter;
        this.perKey = perKey;
    }

    @Override
    public Argument<AuthenticatedServerKey> argumentType() {
        return Argument.of(AuthenticatedServerKey.class);
    }

    @Override
    public BindingResult<AuthenticatedServerKey> bind(ArgumentConversionContext<AuthenticatedServerKey> context, HttpRequest<?> request) {
        AuthenticatedServerKey key = secretKey(request)
                .flatMap(sites::bySecretKey)
                .map(found -> new AuthenticatedServerKey(found.websiteId(), found.keyId()))
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "A valid secret key (sk_…) is required."));
        limiter.acquire(perKey, key.keyId());
        Optional<AuthenticatedServerKey> bound = Optional.of(key);
        return () -> bound;
    }

    private static Optional<String> secretKey(HttpRequest<?> request) {
        return request.getHeaders().findFirst(HttpHeaders.AUTHORIZATION)
                .filter(header -> header.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(header -> header.substring(BEARER.length()).strip())
                .filter(key -> key.startsWith(PREFIX) && key.length() <= MAX_KEY_LENGTH);
    }
}
