package dev.zendo.auth.seal

import dev.zendo.auth.Ciphertexts
import dev.zendo.auth.keys.KeyTool
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path

/** A secret sealed with the public keyset opens only with its private keyset and the same context info. */
class SealSpec extends Specification {

    static final byte[] CONTEXT = 'zendo.spec.secret'.getBytes(StandardCharsets.UTF_8)

    @Shared
    String privateKeyset = SealKeys.newPrivateKeyset()

    @Shared
    String publicKeyset = SealKeys.publicKeysetOf(privateKeyset)

    @TempDir
    Path dir

    def 'the opener recovers what the sealer sealed, and the sealed bytes do not contain it'() {
        given:
        def secret = 'inv_the-secret-token'.getBytes(StandardCharsets.UTF_8)

        when:
        def sealed = Sealer.of(publicKeyset).seal(secret, CONTEXT)

        then:
        !Ciphertexts.shows(sealed, 'inv_the-secret-token')
        Opener.of(privateKeyset).open(sealed, CONTEXT).get() == secret
        Sealer.of(publicKeyset).seal(secret, CONTEXT) != sealed
    }

    def 'nothing opens #description'() {
        given:
        byte[] sealed = Sealer.of(publicKeyset).seal('secret'.bytes, CONTEXT)

        expect:
        Opener.of(opener).open(change(sealed), context).isEmpty()

        where:
        description                       | opener                        | context                | change
        'with another private keyset'     | SealKeys.newPrivateKeyset()   | CONTEXT                | Ciphertexts.UNCHANGED
        'with other context info'         | privateKeyset                 | 'other'.bytes          | Ciphertexts.UNCHANGED
        'after a byte was changed'        | privateKeyset                 | CONTEXT                | Ciphertexts.FLIPPED
        'when cut short'                  | privateKeyset                 | CONTEXT                | Ciphertexts.CUT_SHORT
    }

    def 'a sealer refuses #description'() {
        when:
        Sealer.of(keyset)

        then:
        def e = thrown(IllegalArgumentException)
        e.message == 'not a Tink public hybrid keyset'

        where:
        description                  | keyset
        'the private keyset'         | privateKeyset
        'text that is not a keyset'  | 'not a keyset'
        'an empty object'            | '{}'
    }

    def 'an opener refuses #description'() {
        when:
        Opener.of(keyset)

        then:
        def e = thrown(IllegalArgumentException)
        e.message == 'not a Tink private hybrid keyset'

        where:
        description                 | keyset
        'the public keyset'         | publicKeyset
        'text that is not a keyset' | 'not a keyset'
    }

    def 'KeyTool seal-init writes a keyset pair once, the public one derived from the private one'() {
        given:
        def privateFile = dir.resolve('notifications.seal.private.json')
        def publicFile = dir.resolve('notifications.seal.public.json')

        when:
        KeyTool.main('seal-init', privateFile.toString(), publicFile.toString())
        def first = Files.readString(privateFile)
        KeyTool.main('seal-init', privateFile.toString(), publicFile.toString())

        then:
        Files.readString(privateFile) == first
        def sealed = Sealer.of(Files.readString(publicFile)).seal('secret'.bytes, CONTEXT)
        Opener.of(first).open(sealed, CONTEXT).get() == 'secret'.bytes
    }
}
