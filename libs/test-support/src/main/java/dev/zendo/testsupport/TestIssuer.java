package dev.zendo.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A token issuer for specs of services that verify another service's tokens: its own EC key, its JWKS served
 * over real HTTP on loopback, and good and deliberately bad tokens (expired, tampered, unsigned, foreign).
 * Tokens carry {@code email_verified: true} unless the claims given name {@code email_verified} themselves (a null
 * value leaves the claim out); {@link #unverifiedToken} makes one for an agent that has not verified its email.
 */
public final class TestIssuer implements AutoCloseable {

    private static final String EMAIL_VERIFIED = "email_verified";

    private final ECKey key;
    private final String issuer;
    private final String audience;
    private final HttpServer server;

    private TestIssuer(String issuer, String audience) {
        this.issuer = issuer;
        this.audience = audience;
        this.key = TestKeys.newKey();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    /** Starts an issuer whose tokens carry {@code issuer} and {@code audience}. */
    public static TestIssuer start(String issuer, String audience) {
        return new TestIssuer(issuer, audience);
    }

    /** Where the issuer's public keys are served. */
    public String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    /** A valid token for {@code subject} with extra claims, good for ten minutes. */
    public String token(String subject, Map<String, Object> claims) {
        return sign(key, claims(subject, claims, issuer, Instant.now().plus(Duration.ofMinutes(10))));
    }

    /** A valid token for {@code subject} with extra claims for {@code audience}, expiring at {@code expiresAt}. */
    public String token(String subject, Map<String, Object> claims, String tokenAudience, Instant expiresAt) {
        return sign(key, new JWTClaimsSet.Builder(claims(subject, claims, issuer, expiresAt)).audience(tokenAudience).build());
    }

    /** A valid token for {@code subject} with extra claims, for an agent whose email is not verified. */
    public String unverifiedToken(String subject, Map<String, Object> claims) {
        Map<String, Object> unverified = new HashMap<>(claims);
        unverified.put(EMAIL_VERIFIED, false);
        return token(subject, unverified);
    }

    /** A token that expired two minutes ago: clearly beyond the minute of clock skew verifiers allow. */
    public String expiredToken(String subject, Map<String, Object> claims) {
        return sign(key, claims(subject, claims, issuer, Instant.now().minus(Duration.ofMinutes(2))));
    }

    /** A token with the right keys and issuer but meant for another audience. */
    public String wrongAudienceToken(String subject, Map<String, Object> claims) {
        return sign(key, new JWTClaimsSet.Builder(claims(subject, claims, issuer, Instant.now().plus(Duration.ofMinutes(10))))
                .audience("zendo-realtime").build());
    }

    /** A token with the right keys but another issuer. */
    public String wrongIssuerToken(String subject, Map<String, Object> claims) {
        return sign(key, claims(subject, claims, "https://evil.example", Instant.now().plus(Duration.ofMinutes(10))));
    }

    /** A token signed by a key that is not in the JWKS. */
    public String foreignKeyToken(String subject, Map<String, Object> claims) {
        return sign(TestKeys.newKey(), claims(subject, claims, issuer, Instant.now().plus(Duration.ofMinutes(10))));
    }

    /** An unsigned token ({@code alg: none}). */
    public String unsignedToken(String subject, Map<String, Object> claims) {
        return new PlainJWT(claims(subject, claims, issuer, Instant.now().plus(Duration.ofMinutes(10)))).serialize();
    }

    /** A valid token whose payload was changed after signing (the subject swapped for another). */
    public String tamperedToken(String subject, Map<String, Object> claims, String otherSubject) {
        String[] parts = token(subject, claims).split("\\.");
        String payload = Base64URL.encode(claims(otherSubject, claims, issuer, Instant.now().plus(Duration.ofMinutes(10)))
                .toString()).toString();
        return parts[0] + "." + payload + "." + parts[2];
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private JWTClaimsSet claims(String subject, Map<String, Object> extra, String iss, Instant expiresAt) {
        Instant issuedAt = expiresAt.minus(Duration.ofMinutes(15));
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject(subject).issuer(iss).audience(audience)
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt)).jwtID(UUID.randomUUID().toString());
        if (!extra.containsKey(EMAIL_VERIFIED)) {
            builder.claim(EMAIL_VERIFIED, true);
        }
        extra.forEach(builder::claim);
        return builder.build();
    }

    private static String sign(ECKey signingKey, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                .keyID(signingKey.getKeyID()).build(), claims);
        try {
            jwt.sign(new ECDSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
