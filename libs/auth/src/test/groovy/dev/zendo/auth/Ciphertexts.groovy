package dev.zendo.auth

import java.nio.charset.StandardCharsets

/** What the encryption specs do to ciphertexts: look for the plaintext in them, and damage them. */
final class Ciphertexts {

    /** Leaves the ciphertext as it is. */
    static final Closure<byte[]> UNCHANGED = { byte[] it -> it }

    /** Flips the last bit. */
    static final Closure<byte[]> FLIPPED = { byte[] it -> it[-1] = (byte) (it[-1] ^ 1); it }

    /** Drops the last byte. */
    static final Closure<byte[]> CUT_SHORT = { byte[] it -> Arrays.copyOf(it, it.length - 1) }

    private Ciphertexts() {
    }

    /** Whether {@code text} can be read in the ciphertext as it is. */
    static boolean shows(byte[] ciphertext, String text) {
        new String(ciphertext, StandardCharsets.ISO_8859_1).contains(text)
    }
}
