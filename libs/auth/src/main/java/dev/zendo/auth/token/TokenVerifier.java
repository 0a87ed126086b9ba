package dev.zendo.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies ES256 JWTs of one issuer and audience against that issuer's JWKS: signature, {@code alg}
 * (never {@code none}, never HMAC), {@code typ}, issuer, audience, expiry and not-before.
 */
public final class TokenVerifier {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    private TokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience) {
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "iat")));
    }

    /**
     * A verifier that fetches keys from a JWKS URL and caches them for {@code cacheTtl}. An unknown kid refetches
     * the set, but at most twice per {@code refetchInterval}, so tokens with made-up kids cannot make it hammer
     * the issuer; while the issuer is unreachable the last keys fetched keep working for {@code cacheTtl}.
     */
    public static TokenVerifier remote(String jwksUrl, Duration cacheTtl, Duration refetchInterval, String issuer, String audience) {
        try {
            JWKSource<SecurityContext> source = JWKSourceBuilder.<SecurityContext>create(URI.create(jwksUrl).toURL())
                    .cache(cacheTtl.toMillis(), 15_000)
                    .rateLimited(refetchInterval.toMillis())
                    .outageTolerant(cacheTtl.toMillis())
                    .retrying(true)
                    .build();
            return new TokenVerifier(source, issuer, audience);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a JWKS URL: " + jwksUrl, e);
        }
    }

    /** A verifier for tokens signed by keys this process holds. */
    public static TokenVerifier local(JWKSet keys, String issuer, String audience) {
        return new TokenVerifier(new ImmutableJWKSet<>(keys), issuer, audience);
    }

    /** The token's claims when it is valid; empty when it is malformed, forged, expired or not meant for us. */
    public Optional<JWTClaimsSet> verify(String token) {
        try {
            return Optional.of(processor.process(token, null));
        } catch (ParseException | BadJOSEException | JOSEException e) {
            return Optional.empty();
        }
    }
}
