package dev.zendo.conversations.visitor

import com.nimbusds.jose.JOSEObjectType
import com.nimbusds.jose.JWSAlgorithm
import com.nimbusds.jose.JWSHeader
import com.nimbusds.jose.crypto.ECDSASigner
import com.nimbusds.jose.crypto.MACSigner
import com.nimbusds.jose.jwk.ECKey
import com.nimbusds.jose.util.Base64URL
import com.nimbusds.jwt.JWTClaimsSet
import com.nimbusds.jwt.PlainJWT
import com.nimbusds.jwt.SignedJWT
import dev.zendo.auth.keys.KeyTool

import java.time.Duration
import java.time.Instant

/** Visitor tokens made by hand with conversations' own key: every kind a verifier must refuse. */
class VisitorTokenMaker {

    final ECKey key
    final UUID websiteId = UUID.randomUUID()
    final UUID visitorId = UUID.randomUUID()

    VisitorTokenMaker(ECKey key) {
        this.key = key
    }

    JWTClaimsSet.Builder claims() {
        def now = Instant.now()
        new JWTClaimsSet.Builder()
                .subject(visitorId.toString()).issuer('zendo-conversations').audience(['zendo-realtime', 'zendo-widget'])
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now + Duration.ofHours(1)))
                .jwtID(UUID.randomUUID().toString())
                .claim('website_id', websiteId.toString()).claim('token_use', 'visitor')
    }

    String signed(JWTClaimsSet claims, ECKey with = key) {
        def jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).keyID(with.keyID).build(), claims)
        jwt.sign(new ECDSASigner(with))
        jwt.serialize()
    }

    String valid() {
        signed(claims().build())
    }

    String expired() {
        def past = Instant.now() - Duration.ofMinutes(2)
        signed(claims().issueTime(Date.from(past - Duration.ofHours(1))).notBeforeTime(Date.from(past - Duration.ofHours(1)))
                .expirationTime(Date.from(past)).build())
    }

    String tampered() {
        def parts = valid().split('\\.')
        "${parts[0]}.${Base64URL.encode(claims().subject(UUID.randomUUID().toString()).build().toString())}.${parts[2]}"
    }

    String unsigned() {
        new PlainJWT(claims().build()).serialize()
    }

    String hs256() {
        def jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID(key.keyID).build(), claims().build())
        jwt.sign(new MACSigner(key.toPublicJWK().toJSONString().bytes))
        jwt.serialize()
    }

    String foreignKey() {
        signed(claims().build(), KeyTool.newKey())
    }
}
