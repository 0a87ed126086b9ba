package dev.zendo.identity

import com.nimbusds.jose.JOSEObjectType
import com.nimbusds.jose.JWSAlgorithm
import com.nimbusds.jose.JWSHeader
import com.nimbusds.jose.crypto.ECDSASigner
import com.nimbusds.jose.jwk.ECKey
import com.nimbusds.jose.util.Base64URL
import com.nimbusds.jwt.JWTClaimsSet
import com.nimbusds.jwt.PlainJWT
import com.nimbusds.jwt.SignedJWT
import dev.zendo.auth.keys.KeyTool

import java.time.Duration
import java.time.Instant

/** Access tokens made by hand with a given key: good ones, and every kind of bad one a verifier must refuse. */
class TestTokens {

    static final String ISSUER = 'zendo-identity'

    /** A valid access token for {@code agent} (a token response's agent), signed with {@code key}. */
    static String valid(ECKey key, Map agent) {
        sign(key, claims(agent, ISSUER, Instant.now().plus(Duration.ofMinutes(10))))
    }

    /** Expired two minutes ago: clearly beyond the minute of clock skew verifiers allow. */
    static String expired(ECKey key, Map agent) {
        sign(key, claims(agent, ISSUER, Instant.now().minus(Duration.ofMinutes(2))))
    }

    static String wrongIssuer(ECKey key, Map agent) {
        sign(key, claims(agent, 'https://evil.example', Instant.now().plus(Duration.ofMinutes(10))))
    }

    static String wrongAudience(ECKey key, Map agent) {
        sign(key, new JWTClaimsSet.Builder(claims(agent, ISSUER, Instant.now().plus(Duration.ofMinutes(10))))
                .audience('zendo-realtime').build())
    }

    static String unsigned(Map agent) {
        new PlainJWT(claims(agent, ISSUER, Instant.now().plus(Duration.ofMinutes(10)))).serialize()
    }

    static String foreignKey(Map agent) {
        valid(KeyTool.newKey(), agent)
    }

    static String otherUse(ECKey key, Map agent) {
        sign(key, new JWTClaimsSet.Builder(claims(agent, ISSUER, Instant.now().plus(Duration.ofMinutes(10))))
                .claim('token_use', 'ticket').build())
    }

    /** {@code token} with its payload swapped for one naming {@code otherSubject}; the signature no longer matches. */
    static String tampered(String token, String otherSubject) {
        def parts = token.split('\\.')
        def claims = new JWTClaimsSet.Builder(SignedJWT.parse(token).JWTClaimsSet).subject(otherSubject).build()
        "${parts[0]}.${Base64URL.encode(claims.toString())}.${parts[2]}"
    }

    private static JWTClaimsSet claims(Map agent, String issuer, Instant expiresAt) {
        new JWTClaimsSet.Builder()
                .subject(agent.id as String).issuer(issuer).audience('zendo')
                .issueTime(Date.from(expiresAt - Duration.ofMinutes(15))).expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim('token_use', 'access').claim('email', agent.email).claim('name', agent.name)
                .build()
    }

    private static String sign(ECKey key, JWTClaimsSet claims) {
        def jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).keyID(key.keyID).build(), claims)
        jwt.sign(new ECDSASigner(key))
        jwt.serialize()
    }
}
