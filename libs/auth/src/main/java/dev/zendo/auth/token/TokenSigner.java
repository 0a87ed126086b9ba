package dev.zendo.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.zendo.auth.keys.SigningKeys;
import dev.zendo.auth.keys.SigningSettings;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/** Signs short-lived ES256 JWTs with the service's current key, stamped with its issuer, audience and lifetime. */
@Singleton
@Requires(bean = SigningKeys.class)
public class TokenSigner {

    private final SigningKeys keys;
    private final SigningSettings settings;
    private final ECDSASigner signer;
    private final Clock clock;

    TokenSigner(SigningKeys keys, SigningSettings settings, Clock clock) throws JOSEException {
        this.keys = keys;
        this.settings = settings;
        this.signer = new ECDSASigner(keys.current());
        this.clock = clock;
    }

    /** A signed token for {@code subject} with extra claims; it expires after the configured lifetime. */
    public SignedToken sign(String subject, Map<String, Object> claims) {
        return sign(subject, claims, settings.ttl());
    }

    /** A signed token for {@code subject} with extra claims that expires after {@code lifetime}. */
    public SignedToken sign(String subject, Map<String, Object> claims, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a token's lifetime must be positive, not " + lifetime);
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(settings.issuer())
                .audience(settings.audience())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString());
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(JOSEObjectType.JWT).keyID(keys.current().getKeyID()).build(), builder.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return new SignedToken(jwt.serialize(), expiresAt);
    }

    /**
     * A compact JWT and when it expires.
     *
     * @param token     the compact serialization
     * @param expiresAt its {@code exp}
     */
    public record SignedToken(String token, Instant expiresAt) {
    }
}
