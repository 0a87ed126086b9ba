package dev.zendo.conversations.verification

import com.nimbusds.jose.JWSAlgorithm
import com.nimbusds.jose.JWSHeader
import com.nimbusds.jose.crypto.ECDSASigner
import com.nimbusds.jose.crypto.MACSigner
import com.nimbusds.jose.util.Base64URL
import com.nimbusds.jwt.JWTClaimsSet
import com.nimbusds.jwt.PlainJWT
import com.nimbusds.jwt.SignedJWT
import dev.zendo.auth.keys.KeyTool

import java.nio.charset.StandardCharsets
import java.time.Duration
import java.time.Instant

/** User tokens as a host site's backend signs them, and every kind of bad one. */
class UserTokens {

    static Map<String, Object> claims(Map<String, Object> overrides = [:]) {
        [sub: 'user-42', email: 'ada@example.com', name: 'Ada Lovelace', exp: Instant.now() + Duration.ofMinutes(5)] + overrides
    }

    static String hs(String secret, Map<String, Object> claims = claims(), JWSAlgorithm alg = JWSAlgorithm.HS256) {
        def jwt = new SignedJWT(new JWSHeader(alg), build(claims))
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)))
        jwt.serialize()
    }

    static String es256(Map<String, Object> claims = claims()) {
        def key = KeyTool.newKey()
        def jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.keyID).build(), build(claims))
        jwt.sign(new ECDSASigner(key))
        jwt.serialize()
    }

    static String unsigned(Map<String, Object> claims = claims()) {
        new PlainJWT(build(claims)).serialize()
    }

    /** {@code token} with its payload changed after signing. */
    static String tampered(String token) {
        def parts = token.split('\\.')
        "${parts[0]}.${Base64URL.encode(build(claims(sub: 'admin')).toString())}.${parts[2]}"
    }

    private static JWTClaimsSet build(Map<String, Object> claims) {
        def builder = new JWTClaimsSet.Builder()
        claims.each { name, value -> builder.claim(name, value instanceof Instant ? value.epochSecond : value) }
        builder.build()
    }
}
