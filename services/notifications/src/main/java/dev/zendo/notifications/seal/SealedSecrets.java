package dev.zendo.notifications.seal;

import com.google.protobuf.ByteString;
import dev.zendo.auth.seal.Opener;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Opens the secrets other services seal into events for this service; fails the start without a usable keyset. */
@Context
public class SealedSecrets {

    private final Opener opener;

    SealedSecrets(SealSettings settings) {
        try {
            this.opener = Opener.of(load(settings));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("zendo.notifications.seal: " + e.getMessage());
        }
    }

    /** The secret sealed in {@code sealed} for {@code contextInfo}; empty when it was tampered with or sealed for another key. */
    public Optional<String> open(ByteString sealed, String contextInfo) {
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        return opener.open(sealed.toByteArray(), contextInfo.getBytes(StandardCharsets.UTF_8))
                .map(secret -> new String(secret, StandardCharsets.UTF_8));
    }

    private static String load(SealSettings settings) {
        if (settings.privateKeyset() != null && !settings.privateKeyset().isBlank()) {
            return settings.privateKeyset();
        }
        if (settings.privateKeysetFile() != null && !settings.privateKeysetFile().isBlank()) {
            try {
                return Files.readString(Path.of(settings.privateKeysetFile()));
            } catch (IOException e) {
                throw new ConfigurationException("zendo.notifications.seal.private-keyset-file: cannot read "
                        + settings.privateKeysetFile() + ": " + e.getMessage());
            }
        }
        throw new ConfigurationException("zendo.notifications.seal: set private-keyset-file or private-keyset "
                + "(NOTIFICATIONS_SEAL_KEYSET_FILE or NOTIFICATIONS_SEAL_KEYSET) to the private keyset whose public half "
                + "websites and identity seal with (generate the pair with dev.zendo.auth.keys.KeyTool seal-init)");
    }
}
