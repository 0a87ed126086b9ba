package dev.zendo.identity.accountmail;

import dev.zendo.platform.crypto.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/** The secrets account mails carry, made with a SecureRandom, and the only form in which identity stores them. */
public final class OneTimeSecrets {

    private static final int TOKEN_BYTES = 32;
    private static final int SALT_BYTES = 16;
    private static final int CODES = 1_000_000;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimeSecrets() {
    }

    /** 256 random bits, base64url. */
    public static String newToken() {
        return BASE64URL.encodeToString(randomBytes(TOKEN_BYTES));
    }

    /** Six random decimal digits. */
    public static String newCode() {
        return String.format(Locale.ROOT, "%06d", RANDOM.nextInt(CODES));
    }

    /** A random salt for one code, base64url. */
    public static String newSalt() {
        return BASE64URL.encodeToString(randomBytes(SALT_BYTES));
    }

    /** SHA-256 of a token, base64url: how tokens are stored and looked up. */
    public static String hash(String token) {
        return BASE64URL.encodeToString(Sha256.of(token));
    }

    /** SHA-256 of a salt and a code, base64url. */
    public static String hash(String salt, String code) {
        return hash(salt + ":" + code);
    }

    /** Compares two hashes in time independent of where they differ. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
