package dev.zendo.auth.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.net.MalformedURLException;
import java.net.URI;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies ES256 JWTs of one issuer and audience against that issuer's JWKS: signature, {@code alg}
 * (never {@code none}, never HMAC), {@code typ}, issuer, audience, expiry and not-before. A token that verified is
 * accepted again for up to {@link #REUSE} (never past its expiry) without checking its signature once more: a widget or
 * agent sends many requests with one token, and the P-256 arithmetic was most of a request's CPU time. A token whose
 * signature {@link CheckedSignatures} shows was checked (here or in another process) skips only that arithmetic: its
 * key must still be one the issuer publishes, and every claim is checked. A remembered token is forgotten once that
 * time has passed, whether or not more tokens arrive, so a herd of logins leaves no claims held in an idle process.
 */
public final class TokenVerifier {

    /** How long a verified token is accepted again without checking its signature; a retired key stops working after it. */
    static final Duration REUSE = Duration.ofMinutes(1);
    /** How many verified tokens are remembered at most. */
    static final int REMEMBERED = 20_000;

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final DefaultJWTProcessor<SecurityContext> checkedBefore;
    private final CheckedSignatures checkedSignatures;
    private final Cache<String, Verified> verified;
    private final Duration reuse;
    private final Clock clock;

    TokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience, Clock clock, CheckedSignatures checkedSignatures,
                  Duration reuse) {
        this.verified = Caffeine.newBuilder().maximumSize(REMEMBERED).expireAfterWrite(reuse)
                .scheduler(Scheduler.systemScheduler()).build();
        this.reuse = reuse;
        this.clock = clock;
        this.checkedSignatures = checkedSignatures;
        this.processor = processor(keys, issuer, audience, clock, new DefaultJWSVerifierFactory());
        this.checkedBefore = processor(keys, issuer, audience, clock, new CheckedBefore());
    }

    private static DefaultJWTProcessor<SecurityContext> processor(JWKSource<SecurityContext> keys, String issuer, String audience,
                                                                  Clock clock, JWSVerifierFactory signatures) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        processor.setJWSVerifierFactory(signatures);
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "iat")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        });
        return processor;
    }

    /**
     * A verifier that fetches keys from a JWKS URL and caches them for {@code cacheTtl}. An unknown kid refetches
     * the set, but at most twice per {@code refetchInterval}, so tokens with made-up kids cannot make it hammer
     * the issuer; while the issuer is unreachable the last keys fetched keep working for {@code cacheTtl}.
     */
    public static TokenVerifier remote(String jwksUrl, Duration cacheTtl, Duration refetchInterval, String issuer, String audience) {
        return remote(jwksUrl, cacheTtl, refetchInterval, issuer, audience, CheckedSignatures.NONE);
    }

    /** A {@link #remote(String, Duration, Duration, String, String) remote} verifier sharing checked signatures. */
    public static TokenVerifier remote(String jwksUrl, Duration cacheTtl, Duration refetchInterval, String issuer, String audience,
                                       CheckedSignatures checkedSignatures) {
        try {
            JWKSource<SecurityContext> source = JWKSourceBuilder.<SecurityContext>create(URI.create(jwksUrl).toURL())
                    .cache(cacheTtl.toMillis(), 15_000)
                    .rateLimited(refetchInterval.toMillis())
                    .outageTolerant(cacheTtl.toMillis())
                    .retrying(true)
                    .build();
            return new TokenVerifier(source, issuer, audience, Clock.systemUTC(), checkedSignatures, REUSE);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a JWKS URL: " + jwksUrl, e);
        }
    }

    /** A verifier for tokens signed by keys this process holds. */
    public static TokenVerifier local(JWKSet keys, String issuer, String audience) {
        return new TokenVerifier(new ImmutableJWKSet<>(keys), issuer, audience, Clock.systemUTC(), CheckedSignatures.NONE,
                REUSE);
    }

    /** The token's claims when it is valid; empty when it is malformed, forged, expired or not meant for us. */
    public Optional<JWTClaimsSet> verify(String token) {
        return verify(List.of(token)).get(0);
    }

    /**
     * {@link #verify(String) verify} for each of {@code tokens}, in order, asking {@link CheckedSignatures} once for
     * all of them and recording the newly checked ones at once: a herd of reconnecting clients costs a round trip or
     * two per batch, not per token.
     */
    public List<Optional<JWTClaimsSet>> verify(List<String> tokens) {
        Instant now = clock.instant();
        Map<String, Optional<JWTClaimsSet>> outcomes = new HashMap<>();
        Map<String, SignedJWT> unknown = new LinkedHashMap<>();
        for (String token : tokens) {
            Verified known = verified.getIfPresent(token);
            if (known != null && now.isBefore(known.until())) {
                outcomes.put(token, Optional.of(known.claims()));
            } else {
                parse(token).ifPresent(jwt -> unknown.put(token, jwt));
            }
        }
        Set<String> checked = unknown.isEmpty() ? Set.of() : checkedSignatures.checked(unknown.keySet());
        Map<String, Instant> newlyChecked = new HashMap<>();
        unknown.forEach((token, jwt) -> {
            boolean checkedBefore = checked.contains(token);
            Optional<JWTClaimsSet> claims = process(jwt, checkedBefore ? this.checkedBefore : processor);
            outcomes.put(token, claims);
            claims.ifPresent(valid -> {
                Instant expires = valid.getExpirationTime().toInstant();
                if (now.isBefore(expires)) {
                    Instant reusable = now.plus(reuse);
                    verified.put(token, new Verified(valid, expires.isBefore(reusable) ? expires : reusable));
                    if (!checkedBefore) {
                        newlyChecked.put(token, expires);
                    }
                }
            });
        });
        if (!newlyChecked.isEmpty()) {
            checkedSignatures.add(newlyChecked);
        }
        return tokens.stream().map(token -> outcomes.getOrDefault(token, Optional.empty())).toList();
    }

    /** How many verified tokens are remembered now. */
    long remembered() {
        return verified.estimatedSize();
    }

    private static Optional<SignedJWT> parse(String token) {
        try {
            return Optional.of(SignedJWT.parse(token));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<JWTClaimsSet> process(SignedJWT jwt, DefaultJWTProcessor<SecurityContext> processor) {
        try {
            return Optional.of(processor.process(jwt, null));
        } catch (BadJOSEException | JOSEException e) {
            return Optional.empty();
        }
    }

    /** A token's verified claims, accepted again until {@code until}. */
    private record Verified(JWTClaimsSet claims, Instant until) {
    }

    /**
     * Verifiers that hold every ES256 signature, for tokens {@link CheckedSignatures} shows were checked before: the
     * key selector still has to find the token's key among those the issuer publishes.
     */
    private static final class CheckedBefore implements JWSVerifierFactory, JWSVerifier {

        private final JCAContext jca = new JCAContext();

        @Override
        public JWSVerifier createJWSVerifier(JWSHeader header, Key key) {
            return this;
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
            return JWSAlgorithm.ES256.equals(header.getAlgorithm());
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.ES256);
        }

        @Override
        public JCAContext getJCAContext() {
            return jca;
        }
    }
}
