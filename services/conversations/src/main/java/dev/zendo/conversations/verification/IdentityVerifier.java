package dev.zendo.conversations.verification;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.zendo.platform.http.ApiException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks user tokens a host site's backend signed: an HS256 JWT (nothing else, never {@code alg: none}) made with
 * one of the website's identity-verification secrets that still verify, with a {@code sub}, an {@code exp} not past,
 * and optionally {@code email} and {@code name}. Clocks may differ by up to a minute.
 */
@Singleton
public class IdentityVerifier {

    static final Duration LEEWAY = Duration.ofSeconds(60);
    static final int MAX_TOKEN_LENGTH = 8192;
    static final int MAX_SUBJECT_LENGTH = 255;
    static final int MAX_EMAIL_LENGTH = 320;
    static final int MAX_NAME_LENGTH = 200;

    private final IdentitySecrets secrets;
    private final Clock clock;

    IdentityVerifier(IdentitySecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /** The user {@code userJwt} vouches for on {@code websiteId}; 401 when it does not verify, 403 when the website has no secret. */
    public VerifiedUser verify(UUID websiteId, String userJwt) {
        SignedJWT jwt = parse(userJwt);
        List<String> keys = secrets.verifying(websiteId);
        if (keys.isEmpty()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "identity_verification_disabled",
                    "This website has no identity-verification secret: create one before sending user tokens.");
        }
        if (keys.stream().noneMatch(key -> signedWith(jwt, key))) {
            throw invalid("its signature does not match any of the website's identity-verification secrets");
        }
        return userOf(claims(jwt), jwt.getPayload().toJSONObject());
    }

    private static SignedJWT parse(String userJwt) {
        if (userJwt == null || userJwt.isBlank() || userJwt.length() > MAX_TOKEN_LENGTH) {
            throw invalid("it must be a JWT of at most " + MAX_TOKEN_LENGTH + " characters");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(userJwt);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
                throw invalid("it must be signed with HS256");
            }
            return jwt;
        } catch (ParseException e) {
            throw invalid("it is not a signed JWT");
        }
    }

    private static boolean signedWith(SignedJWT jwt, String secret) {
        try {
            return jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            return false;
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("its claims are not a JSON object");
        }
    }

    private VerifiedUser userOf(JWTClaimsSet claims, Map<String, Object> json) {
        Instant now = clock.instant();
        Date expiresAt = claims.getExpirationTime();
        if (expiresAt == null) {
            throw invalid("exp is required");
        }
        if (expiresAt.toInstant().plus(LEEWAY).isBefore(now)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "identity_token_expired", "The user token has expired.");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().minus(LEEWAY).isAfter(now)) {
            throw invalid("it is not valid yet (nbf)");
        }
        String subject = text(json, "sub", MAX_SUBJECT_LENGTH);
        if (subject == null) {
            throw invalid("sub is required");
        }
        return new VerifiedUser(subject, text(json, "email", MAX_EMAIL_LENGTH), text(json, "name", MAX_NAME_LENGTH));
    }

    private static String text(Map<String, Object> json, String name, int maxLength) {
        Object value = json.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.isBlank() || text.length() > maxLength) {
            throw invalid(name + " must be a non-empty string of at most " + maxLength + " characters");
        }
        return text;
    }

    private static ApiException invalid(String reason) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "identity_token_invalid", "The user token is invalid: " + reason + ".");
    }
}
