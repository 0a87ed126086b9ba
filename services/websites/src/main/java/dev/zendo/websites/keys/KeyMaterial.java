package dev.zendo.websites.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random key and token strings, and the SHA-256 under which secret ones are stored. */
public final class KeyMaterial {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMaterial() {
    }

    /** {@code prefix} followed by 32 random bytes, base64url-encoded (256 bits: hashing needs no salt or stretching). */
    public static String random(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 of the string's UTF-8 bytes. */
    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
