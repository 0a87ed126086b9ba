package dev.zendo.conversations

import dev.zendo.auth.keys.KeyTool
import dev.zendo.conversations.verification.IdentitySecretsSettings
import dev.zendo.conversations.visitor.VisitorTokens
import dev.zendo.testsupport.Causes
import dev.zendo.testsupport.TestInfra
import dev.zendo.testsupport.TestSealKeys
import io.micronaut.context.ApplicationContext
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

import static dev.zendo.testsupport.TestInfra.Need.DATABASE
import static dev.zendo.testsupport.TestInfra.Need.IDENTITY_SECRETS_KEYSET
import static dev.zendo.testsupport.TestInfra.Need.KAFKA
import static dev.zendo.testsupport.TestInfra.Need.REDIS
import static dev.zendo.testsupport.TestInfra.Need.SIGNING_KEYS

/** Conversations' signing keys and the keyset of identity-verification secrets are checked at startup; a bad one stops it. */
class KeySettingsSpec extends Specification {

    @Shared
    Map<String, String> properties = TestInfra.properties('conversations', DATABASE, KAFKA, REDIS, SIGNING_KEYS, IDENTITY_SECRETS_KEYSET)

    @TempDir
    Path dir

    def 'the defaults are 24-hour visitor tokens and a 24-hour secret overlap, and a keyset file is read'() {
        given:
        def file = dir.resolve('identity-secrets.json')
        KeyTool.main('aead-init', file.toString())
        def context = ApplicationContext.run(properties + ['zendo.conversations.identity-secrets.keyset'     : '',
                                                          'zendo.conversations.identity-secrets.keyset-file': file.toString()] as Map<String, Object>, 'test')

        expect:
        context.getBean(IdentitySecretsSettings).overlap().toHours() == 24
        context.getBean(VisitorTokens).defaultLifetime().toHours() == 24

        cleanup:
        context?.close()
    }

    def 'a start with #setting set to #value fails naming it'() {
        when:
        ApplicationContext.run(properties + also + [(setting): value] as Map<String, Object>, 'test').close()

        then:
        def e = thrown(Exception)
        Causes.of(e)*.message.any { it?.contains(reason) }

        where:
        setting                                            | value                       | also                                                   || reason
        'zendo.conversations.identity-secrets.keyset'      | ''                          | [:]                                                    || 'set keyset-file or keyset (generate one with dev.zendo.auth.keys.KeyTool aead-init)'
        'zendo.conversations.identity-secrets.keyset'      | 'not a keyset'              | [:]                                                    || 'not a Tink AEAD keyset'
        'zendo.conversations.identity-secrets.keyset'      | TestSealKeys.privateKeyset() | [:]                                                   || 'not a Tink AEAD keyset'
        'zendo.conversations.identity-secrets.keyset-file' | '/no/such/keyset.json'      | ['zendo.conversations.identity-secrets.keyset': '']    || 'cannot read /no/such/keyset.json'
        'zendo.conversations.identity-secrets.overlap'     | '8d'                        | [:]                                                    || 'zendo.conversations.identity-secrets.overlap must be between'
        'zendo.conversations.identity-secrets.overlap'     | '-1h'                       | [:]                                                    || 'zendo.conversations.identity-secrets.overlap must be between'
        'zendo.auth.signing.ttl'                           | '30m'                       | [:]                                                    || 'zendo.auth.signing.ttl of a visitor token must be between'
        'zendo.auth.signing.ttl'                           | '8d'                        | [:]                                                    || 'zendo.auth.signing.ttl of a visitor token must be between'
        'zendo.auth.signing.audience'                      | 'zendo-realtime'            | [:]                                                    || 'zendo.auth.signing.audience must include zendo-widget'
        'zendo.auth.signing.jwks'                          | ''                          | [:]                                                    || 'set jwks-file or jwks'
    }
}
