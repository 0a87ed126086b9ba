package dev.zendo.conversations.verification

import com.nimbusds.jose.JWSAlgorithm
import dev.zendo.platform.http.ApiException
import dev.zendo.testsupport.TestInfra
import io.micronaut.context.ApplicationContext
import io.micronaut.http.HttpStatus
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.IDENTITY_SECRETS_KEYSET
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS
import static dev.zendo.testsupport.TestInfra.Need.SIGNING_KEYS
import static dev.zendo.conversations.verification.UserTokens.claims
import static dev.zendo.conversations.verification.UserTokens.es256
import static dev.zendo.conversations.verification.UserTokens.hs
import static dev.zendo.conversations.verification.UserTokens.tampered
import static dev.zendo.conversations.verification.UserTokens.unsigned

/** A host site's backend vouches for its user with an HS256 token signed with the website's secret; nothing else passes. */
class IdentityVerifierSpec extends Specification {

    @Shared
    @AutoCleanup
    ApplicationContext context = ApplicationContext.run(
            TestInfra.properties('conversations', DATABASE, KAFKA, REDIS, SIGNING_KEYS, IDENTITY_SECRETS_KEYSET) as Map<String, Object>, 'test')

    @Shared
    IdentityVerifier verifier = context.getBean(IdentityVerifier)

    @Shared
    UUID websiteId = UUID.randomUUID()

    @Shared
    String secret = context.getBean(IdentitySecrets).rotate(websiteId, 'agent-1', null).secret()

    def 'a user token with #description verifies as #user'() {
        expect:
        verifier.verify(websiteId, hs(secret, tokenClaims)) == user

        where:
        description                     | tokenClaims                                                     || user
        'sub, email and name'           | claims()                                                        || new VerifiedUser('user-42', 'ada@example.com', 'Ada Lovelace')
        'only sub and exp'              | claims(email: null, name: null)                                 || new VerifiedUser('user-42', null, null)
        'an exp 30 s ago (clock skew)'  | claims(exp: Instant.now() - Duration.ofSeconds(30))             || new VerifiedUser('user-42', 'ada@example.com', 'Ada Lovelace')
        'an nbf 30 s ahead (clock skew)'| claims(nbf: Instant.now() + Duration.ofSeconds(30))             || new VerifiedUser('user-42', 'ada@example.com', 'Ada Lovelace')
        'claims it does not know'       | claims(plan: 'gold', iat: Instant.now())                        || new VerifiedUser('user-42', 'ada@example.com', 'Ada Lovelace')
    }

    def 'a user token #description is refused with 401 #code'() {
        when:
        verifier.verify(websiteId, token instanceof Closure ? token() : token)

        then:
        def e = thrown(ApiException)
        e.status == HttpStatus.UNAUTHORIZED
        e.code() == code
        !e.message.contains(secret)

        where:
        description                           | token                                                              || code
        'that expired 2 min ago'              | { hs(secret, claims(exp: Instant.now() - Duration.ofMinutes(2))) } || 'identity_token_expired'
        'without exp'                         | { hs(secret, claims(exp: null)) }                                  || 'identity_token_invalid'
        'without sub'                         | { hs(secret, claims(sub: null)) }                                  || 'identity_token_invalid'
        'with a blank sub'                    | { hs(secret, claims(sub: '  ')) }                                  || 'identity_token_invalid'
        'with a numeric sub'                  | { hs(secret, claims(sub: 42)) }                                    || 'identity_token_invalid'
        'with a sub of 256 characters'        | { hs(secret, claims(sub: 'u' * 256)) }                             || 'identity_token_invalid'
        'with an email that is not text'      | { hs(secret, claims(email: ['a@example.com'])) }                   || 'identity_token_invalid'
        'with an nbf 5 min ahead'             | { hs(secret, claims(nbf: Instant.now() + Duration.ofMinutes(5))) } || 'identity_token_invalid'
        'signed with another secret'          | { hs('ivs_' + 'x' * 43) }                                          || 'identity_token_invalid'
        'changed after signing'               | { tampered(hs(secret)) }                                           || 'identity_token_invalid'
        'with alg none'                       | { unsigned() }                                                     || 'identity_token_invalid'
        'signed with HS384'                   | { hs(secret + secret, claims(), JWSAlgorithm.HS384) }              || 'identity_token_invalid'
        'signed with HS512'                   | { hs(secret + secret, claims(), JWSAlgorithm.HS512) }              || 'identity_token_invalid'
        'signed with ES256'                   | { es256() }                                                        || 'identity_token_invalid'
        'that is not a JWT'                   | 'not-a-token'                                                      || 'identity_token_invalid'
        'that is empty'                       | ''                                                                 || 'identity_token_invalid'
        'that is null'                        | null                                                               || 'identity_token_invalid'
        'over 8,192 characters'               | { hs(secret, claims(name: 'n' * 9000)) }                           || 'identity_token_invalid'
    }

    def 'a user token signed with website A secret is refused on website B'() {
        given:
        def websiteB = UUID.randomUUID()
        context.getBean(IdentitySecrets).rotate(websiteB, 'agent-1', null)

        when:
        verifier.verify(websiteB, hs(secret))

        then:
        def e = thrown(ApiException)
        e.code() == 'identity_token_invalid'
    }

    def 'a website without a secret refuses every user token with 403'() {
        when:
        verifier.verify(UUID.randomUUID(), hs(secret))

        then:
        def e = thrown(ApiException)
        e.status == HttpStatus.FORBIDDEN
        e.code() == 'identity_verification_disabled'
    }
}
