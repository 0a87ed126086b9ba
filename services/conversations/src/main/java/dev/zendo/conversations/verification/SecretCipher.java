package dev.zendo.conversations.verification;

import dev.zendo.auth.aead.SecretBox;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Encrypts identity-verification secrets at rest with the configured AEAD keyset, each bound to its website's id;
 * loaded and checked once at startup.
 */
@Context
class SecretCipher {

    private final SecretBox box;

    SecretCipher(IdentitySecretsSettings settings) {
        try {
            this.box = SecretBox.of(keyset(settings));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("zendo.conversations.identity-secrets: " + e.getMessage());
        }
    }

    byte[] encrypt(UUID websiteId, String secret) {
        return box.encrypt(secret.getBytes(StandardCharsets.UTF_8), associatedData(websiteId));
    }

    /** The secret, or an exception: a row that does not decrypt means the keyset or the row was changed. */
    String decrypt(UUID websiteId, byte[] ciphertext) {
        return box.decrypt(ciphertext, associatedData(websiteId))
                .map(secret -> new String(secret, StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalStateException("an identity-verification secret of website " + websiteId
                        + " does not decrypt with the configured keyset"));
    }

    private static byte[] associatedData(UUID websiteId) {
        return websiteId.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String keyset(IdentitySecretsSettings settings) {
        if (settings.keyset() != null && !settings.keyset().isBlank()) {
            return settings.keyset();
        }
        if (settings.keysetFile() != null && !settings.keysetFile().isBlank()) {
            try {
                return Files.readString(Path.of(settings.keysetFile()));
            } catch (IOException e) {
                throw new ConfigurationException("zendo.conversations.identity-secrets.keyset-file: cannot read "
                        + settings.keysetFile() + ": " + e.getMessage());
            }
        }
        throw new ConfigurationException("zendo.conversations.identity-secrets: set keyset-file or keyset "
                + "(generate one with dev.zendo.auth.keys.KeyTool aead-init)");
    }
}
