package dev.zendo.auth.token

import com.nimbusds.jwt.SignedJWT
import dev.zendo.auth.keys.KeyTool
import dev.zendo.auth.keys.SigningKeys
import dev.zendo.auth.keys.SigningSettings
import spock.lang.Specification

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneOffset

/** A signer stamps its issuer, every configured audience and the lifetime it is given. */
class TokenSignerSpec extends Specification {

    static final Instant NOW = Instant.parse('2026-11-30T08:00:00Z')

    def 'a token for #audiences carries aud as #json'() {
        given:
        def signer = signer(audiences, Duration.ofMinutes(15))

        when:
        def jwt = SignedJWT.parse(signer.sign('subject-1', [token_use: 'test']).token())

        then:
        jwt.JWTClaimsSet.audience == audiences
        jwt.payload.toJSONObject().aud == json

        where:
        audiences                           || json
        ['zendo']                           || 'zendo'
        ['zendo-realtime', 'zendo-widget']  || ['zendo-realtime', 'zendo-widget']
    }

    def 'a token lives the configured ttl, or the lifetime it is given'() {
        given:
        def signer = signer(['zendo'], Duration.ofMinutes(15))

        expect:
        signer.sign('s', [:]).expiresAt() == NOW + Duration.ofMinutes(15)
        signer.sign('s', [:], Duration.ofDays(7)).expiresAt() == NOW + Duration.ofDays(7)
        SignedJWT.parse(signer.sign('s', [:], Duration.ofHours(2)).token()).JWTClaimsSet.expirationTime.toInstant() == NOW + Duration.ofHours(2)
    }

    def 'a lifetime of #lifetime is refused'() {
        when:
        signer(['zendo'], Duration.ofMinutes(15)).sign('s', [:], lifetime)

        then:
        thrown(IllegalArgumentException)

        where:
        lifetime << [Duration.ZERO, Duration.ofSeconds(-1)]
    }

    private static TokenSigner signer(List<String> audiences, Duration ttl) {
        def settings = new SigningSettings(null, KeyTool.init().toString(false), 'zendo-test', audiences, ttl)
        new TokenSigner(new SigningKeys(settings), settings, Clock.fixed(NOW, ZoneOffset.UTC))
    }
}
