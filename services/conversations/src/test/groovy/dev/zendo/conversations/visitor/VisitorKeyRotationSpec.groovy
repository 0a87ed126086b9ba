package dev.zendo.conversations.visitor

import com.nimbusds.jose.jwk.JWKSet
import com.nimbusds.jwt.SignedJWT
import dev.zendo.auth.keys.KeyTool
import dev.zendo.testsupport.TestInfra
import groovy.json.JsonSlurperClassic
import io.micronaut.context.ApplicationContext
import io.micronaut.http.client.HttpClient
import io.micronaut.runtime.server.EmbeddedServer
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.IDENTITY_SECRETS_KEYSET
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS

/** Rotating conversations' signing keys (KeyTool add-next, promote, retire) never logs a visitor out before its token expires. */
class VisitorKeyRotationSpec extends Specification {

    @Shared
    Map<String, String> properties = TestInfra.properties('conversations', DATABASE, KAFKA, REDIS, IDENTITY_SECRETS_KEYSET)

    def 'a token signed before a rotation verifies after it, and the JWKS serves both keys until the old one is retired'() {
        given:
        def before = KeyTool.init()
        def rotated = KeyTool.promote(KeyTool.addNext(before))

        when:
        String oldToken = withKeys(before) { EmbeddedServer server ->
            server.applicationContext.getBean(VisitorTokens).issue(UUID.randomUUID(), UUID.randomUUID(), Duration.ofHours(1)).token()
        }
        Map afterRotation = withKeys(rotated) { EmbeddedServer server ->
            def newToken = server.applicationContext.getBean(VisitorTokens).issue(UUID.randomUUID(), UUID.randomUUID(), Duration.ofHours(1)).token()
            [verifiesOld: server.applicationContext.getBean(VisitorTokenVerifier).verify(oldToken).isPresent(),
             newKid     : SignedJWT.parse(newToken).header.keyID,
             jwksKids   : jwks(server)]
        }
        Map afterRetire = withKeys(KeyTool.retire(rotated)) { EmbeddedServer server ->
            [verifiesOld: server.applicationContext.getBean(VisitorTokenVerifier).verify(oldToken).isPresent(), jwksKids: jwks(server)]
        }

        then:
        afterRotation.verifiesOld
        afterRotation.newKid == rotated.keys[0].keyID
        afterRotation.jwksKids == [rotated.keys[0].keyID, before.keys[0].keyID]

        and:
        !afterRetire.verifiesOld
        afterRetire.jwksKids == [rotated.keys[0].keyID]
    }

    private <T> T withKeys(JWKSet keys, Closure<T> use) {
        def server = ApplicationContext.run(EmbeddedServer, properties + ['zendo.auth.signing.jwks': keys.toString(false)] as Map<String, Object>, 'test')
        try {
            return use(server)
        } finally {
            server.close()
        }
    }

    private static List<String> jwks(EmbeddedServer server) {
        def client = HttpClient.create(server.URL)
        try {
            new JsonSlurperClassic().parseText(client.toBlocking().retrieve('/v1/widget/jwks.json')).keys*.kid
        } finally {
            client.close()
        }
    }
}
