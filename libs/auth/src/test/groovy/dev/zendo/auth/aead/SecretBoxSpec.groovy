package dev.zendo.auth.aead

import dev.zendo.auth.Ciphertexts
import dev.zendo.auth.keys.KeyTool
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path

/** A secret encrypted at rest decrypts only with its keyset and the same associated data. */
class SecretBoxSpec extends Specification {

    static final byte[] OWNER = 'website-1'.getBytes(StandardCharsets.UTF_8)

    @Shared
    String keyset = SecretBox.newKeyset()

    @TempDir
    Path dir

    def 'a secret decrypts with its keyset and associated data, and the ciphertext does not contain it'() {
        given:
        def secret = 'ivs_the-secret'.getBytes(StandardCharsets.UTF_8)

        when:
        def ciphertext = SecretBox.of(keyset).encrypt(secret, OWNER)

        then:
        !Ciphertexts.shows(ciphertext, 'ivs_the-secret')
        SecretBox.of(keyset).decrypt(ciphertext, OWNER).get() == secret
        SecretBox.of(keyset).encrypt(secret, OWNER) != ciphertext
    }

    def 'nothing decrypts #description'() {
        given:
        byte[] ciphertext = SecretBox.of(keyset).encrypt('secret'.bytes, OWNER)

        expect:
        SecretBox.of(key).decrypt(change(ciphertext), data).isEmpty()

        where:
        description                   | key                    | data            | change
        'with another keyset'         | SecretBox.newKeyset()  | OWNER           | Ciphertexts.UNCHANGED
        'with other associated data'  | keyset                 | 'website-2'.bytes | Ciphertexts.UNCHANGED
        'after a byte was changed'    | keyset                 | OWNER           | Ciphertexts.FLIPPED
        'when cut short'              | keyset                 | OWNER           | Ciphertexts.CUT_SHORT
    }

    def 'a box refuses #description'() {
        when:
        SecretBox.of(key)

        then:
        def e = thrown(IllegalArgumentException)
        e.message == 'not a Tink AEAD keyset'

        where:
        description                 | key
        'text that is not a keyset' | 'not a keyset'
        'an empty object'           | '{}'
        'a signing key set'         | KeyTool.init().toString(false)
    }

    def 'KeyTool aead-init writes a keyset once, readable only by its owner'() {
        given:
        def file = dir.resolve('keys/conversations.identity-secrets.json')

        when:
        KeyTool.main('aead-init', file.toString())
        def first = Files.readString(file)
        KeyTool.main('aead-init', file.toString())

        then:
        Files.readString(file) == first
        Files.getPosixFilePermissions(file)*.toString().sort() == ['OWNER_READ', 'OWNER_WRITE']
        SecretBox.of(first).decrypt(SecretBox.of(first).encrypt('secret'.bytes, OWNER), OWNER).get() == 'secret'.bytes
    }
}
