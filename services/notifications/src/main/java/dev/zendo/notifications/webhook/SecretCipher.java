package dev.zendo.notifications.webhook;

import dev.zendo.auth.aead.SecretBox;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Makes webhook signing secrets ({@code whsec_} and 32 random bytes) and keeps them encrypted at rest with the
 * configured AEAD keyset, each bound to its subscription's id; the keyset is loaded and checked once at startup.
 */
@Context
public class SecretCipher {

    /** The prefix of every signing secret, so a leaked one is recognisable. */
    public static final String PREFIX = "whsec_";
    /** How many characters of a secret listings show. */
    static final int HINT_LENGTH = 4;

    private static final int SECRET_BYTES = 32;

    private final SecretBox box;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(WebhookSettings settings) {
        try {
            this.box = SecretBox.of(keyset(settings));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("zendo.notifications.webhooks: " + e.getMessage());
        }
    }

    /** A new signing secret. */
    String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return PREFIX + HexFormat.of().formatHex(bytes);
    }

    byte[] encrypt(UUID subscriptionId, String secret) {
        return box.encrypt(secret.getBytes(StandardCharsets.UTF_8), associatedData(subscriptionId));
    }

    /** The secret, or an exception: a row that does not decrypt means the keyset or the row was changed. */
    public String decrypt(UUID subscriptionId, byte[] ciphertext) {
        return box.decrypt(ciphertext, associatedData(subscriptionId))
                .map(secret -> new String(secret, StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalStateException("the signing secret of webhook " + subscriptionId
                        + " does not decrypt with the configured keyset"));
    }

    static String hint(String secret) {
        return secret.substring(secret.length() - HINT_LENGTH);
    }

    private static byte[] associatedData(UUID subscriptionId) {
        return ("webhook:" + subscriptionId).getBytes(StandardCharsets.UTF_8);
    }

    private static String keyset(WebhookSettings settings) {
        if (settings.keyset() != null && !settings.keyset().isBlank()) {
            return settings.keyset();
        }
        if (settings.keysetFile() != null && !settings.keysetFile().isBlank()) {
            try {
                return Files.readString(Path.of(settings.keysetFile()));
            } catch (IOException e) {
                throw new ConfigurationException("zendo.notifications.webhooks.keyset-file: cannot read "
                        + settings.keysetFile() + ": " + e.getMessage());
            }
        }
        throw new ConfigurationException("zendo.notifications.webhooks: set keyset-file or keyset "
                + "(generate one with dev.zendo.auth.keys.KeyTool aead-init)");
    }
}
