package dev.zendo.websites.keys;

import java.security.SecureRandom;
import java.util.Base64;

/** Random key and token strings (secret ones are stored as their {@link dev.zendo.platform.crypto.Sha256}). */
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
}
