package dev.zendo.websites.invitations;

import com.google.protobuf.ByteString;
import dev.zendo.auth.seal.Sealer;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Seals invitation tokens for the notifications service, so the {@code InvitationCreated} events every service
 * can read carry no usable token. The keyset is loaded and checked at startup: without a good one websites does not start.
 */
@Context
public class InvitationTokenSealer {

    /** The HPKE context info every sealed invitation token is bound to; the opener must pass the same. */
    public static final String CONTEXT_INFO = "zendo.websites.InvitationCreated.sealed_token";

    private static final byte[] CONTEXT = CONTEXT_INFO.getBytes(StandardCharsets.UTF_8);

    private final Sealer sealer;

    InvitationTokenSealer(InvitationSealSettings settings) {
        try {
            this.sealer = Sealer.of(load(settings));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("zendo.websites.invitation-seal: " + e.getMessage());
        }
    }

    /** {@code token}, sealed for the notifications service. */
    public ByteString seal(String token) {
        return ByteString.copyFrom(sealer.seal(token.getBytes(StandardCharsets.UTF_8), CONTEXT));
    }

    private static String load(InvitationSealSettings settings) {
        if (settings.publicKeyset() != null && !settings.publicKeyset().isBlank()) {
            return settings.publicKeyset();
        }
        if (settings.publicKeysetFile() != null && !settings.publicKeysetFile().isBlank()) {
            try {
                return Files.readString(Path.of(settings.publicKeysetFile()));
            } catch (IOException e) {
                throw new ConfigurationException("zendo.websites.invitation-seal.public-keyset-file: cannot read "
                        + settings.publicKeysetFile() + ": " + e.getMessage());
            }
        }
        throw new ConfigurationException("zendo.websites.invitation-seal: set public-keyset-file or public-keyset "
                + "(INVITATION_SEAL_PUBLIC_KEYSET_FILE or INVITATION_SEAL_PUBLIC_KEYSET) to the notifications service's "
                + "public keyset (generate the pair with dev.zendo.auth.keys.KeyTool seal-init)");
    }
}
