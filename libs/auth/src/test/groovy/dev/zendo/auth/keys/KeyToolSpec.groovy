package dev.zendo.auth.keys

import com.nimbusds.jose.jwk.JWKSet
import dev.zendo.auth.token.TokenSigner
import dev.zendo.auth.token.TokenVerifier
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Clock
import java.time.Duration

/**
 * Signing keys rotate in two steps: a next key is published (accepted, not signing) before anyone signs with it,
 * so replicas a rolling restart has or has not reached yet accept each other's tokens.
 */
class KeyToolSpec extends Specification {

    @TempDir
    Path dir

    def 'init writes one signing key once; add-next, promote and retire move through the rotation'() {
        given:
        def file = dir.resolve('keys/jwks.json')

        when:
        KeyTool.main('init', file.toString())
        def initial = kids(file)
        KeyTool.main('init', file.toString())

        then:
        initial.size() == 1
        kids(file) == initial
        Files.getPosixFilePermissions(file)*.toString().sort() == ['OWNER_READ', 'OWNER_WRITE']

        when:
        KeyTool.main('add-next', file.toString())
        def published = kids(file)

        then: 'the signing key stays first, the next key is published after it'
        published.size() == 2
        published[0] == initial[0]

        when:
        KeyTool.main('promote', file.toString())

        then: 'the next key signs, the former signing key stays published'
        kids(file) == [published[1], initial[0]]

        when:
        KeyTool.main('retire', file.toString())

        then:
        kids(file) == [published[1]]
    }

    def 'retire keeps a next key that is already published'() {
        given:
        def keys = KeyTool.addNext(KeyTool.promote(KeyTool.addNext(KeyTool.init())))

        when:
        def retired = KeyTool.retire(keys)

        then:
        retired.keys*.keyID == [keys.keys[0].keyID, keys.keys[2].keyID]
    }

    def '#verb is refused #when'() {
        when:
        KeyTool."$verb"(keys)

        then:
        def e = thrown(IllegalStateException)
        e.message.contains(reason)

        where:
        verb      | when                              | keys                                   || reason
        'addNext' | 'while a next key is published'   | KeyTool.addNext(KeyTool.init())         || 'promote it first'
        'promote' | 'without a next key'              | KeyTool.init()                          || 'run add-next first'
        'promote' | 'right after a promotion'         | KeyTool.promote(KeyTool.addNext(KeyTool.init())) || 'run add-next first'
        'retire'  | 'on an empty set'                 | new JWKSet()                            || 'empty'
    }

    def 'a token signed by a replica that #signerStep is accepted by a replica that #verifierStep'() {
        given:
        def beforeRotation = KeyTool.init()
        def nextPublished = KeyTool.addNext(beforeRotation)
        def promoted = KeyTool.promote(nextPublished)
        def sets = ['has not rotated': beforeRotation, 'only published the next key': nextPublished, 'already promoted': promoted,
                    'retired the previous key': KeyTool.retire(promoted)]
        def signer = signer(sets[signerStep])
        def verifier = TokenVerifier.local(sets[verifierStep].toPublicJWKSet(), 'zendo-identity', 'zendo')

        expect:
        verifier.verify(signer.sign('agent-1', [:]).token()).isPresent()

        where: 'each pair of steps a rolling restart can have side by side'
        signerStep                    | verifierStep
        'has not rotated'             | 'only published the next key'
        'only published the next key' | 'has not rotated'
        'already promoted'            | 'only published the next key'
        'only published the next key' | 'already promoted'
        'already promoted'            | 'retired the previous key'
        'retired the previous key'    | 'already promoted'
    }

    private static TokenSigner signer(JWKSet keys) {
        def settings = new SigningSettings(null, keys.toString(false), 'zendo-identity', ['zendo'], Duration.ofMinutes(15))
        new TokenSigner(new SigningKeys(settings), settings, Clock.systemUTC())
    }

    private static List<String> kids(Path file) {
        JWKSet.parse(Files.readString(file)).keys*.keyID
    }
}
