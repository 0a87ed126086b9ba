package dev.zendo.identity

import com.nimbusds.jose.jwk.ECKey
import com.nimbusds.jose.jwk.JWKSet
import io.micronaut.http.HttpRequest

/** The JWKS publishes the current and the previous signing key, so rotating keys signs nobody out. */
class JwksSpec extends IdentitySpecification {

    def 'the JWKS lists the public parts of the current and the previous key'() {
        when:
        def response = send(HttpRequest.GET('/.well-known/jwks.json'))
        def published = JWKSet.parse(response.body as Map)

        then:
        response.status == 200
        response.headers.get('Cache-Control') == 'public, max-age=300'
        published.keys*.keyID == keys.keys*.keyID
        published.keys.every { it instanceof ECKey && !it.isPrivate() && it.algorithm.name == 'ES256' }
        published.keys*.toJSONObject() == keys.toPublicJWKSet().keys*.toJSONObject()
    }

    def 'new tokens are signed with the current key, and a token of the previous key is still accepted'() {
        given:
        def agent = signup().agent
        def previous = keys.keys[1] as ECKey

        when:
        def response = me(TestTokens.valid(previous, agent))

        then:
        response.status == 200
        response.body == agent
    }
}
