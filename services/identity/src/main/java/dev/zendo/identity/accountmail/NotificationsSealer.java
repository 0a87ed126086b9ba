package dev.zendo.identity.accountmail;

import com.google.protobuf.ByteString;
import dev.zendo.auth.seal.Sealer;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Seals the secrets of account mails (verification and reset tokens, sign-in codes) for the notifications service,
 * so the events every service can read carry none in clear. The keyset is loaded and checked at startup: without a
 * good one identity does not start.
 */
@Context
public class NotificationsSealer {

    /** The HPKE context info a sealed email verification token is bound to; the opener must pass the same. */
    public static final String VERIFICATION_TOKEN = "zendo.identity.EmailVerificationRequested.sealed_token";

    /** The HPKE context info a sealed password reset token is bound to. */
    public static final String RESET_TOKEN = "zendo.identity.PasswordResetRequested.sealed_token";

    /** The HPKE context info a sealed sign-in code is bound to. */
    public static final String SIGN_IN_CODE = "zendo.identity.SignInCodeRequested.sealed_code";

    private static final String SETTING = "zendo.identity.notifications-seal";

    private final Sealer sealer;

    NotificationsSealer(NotificationsSealSettings settings) {
        try {
            this.sealer = Sealer.of(load(settings));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(SETTING + ": " + e.getMessage());
        }
    }

    /** {@code secret}, sealed for the notifications service and bound to {@code contextInfo}. */
    public ByteString seal(String secret, String contextInfo) {
        return ByteString.copyFrom(sealer.seal(secret.getBytes(StandardCharsets.UTF_8), contextInfo.getBytes(StandardCharsets.UTF_8)));
    }

    private static String load(NotificationsSealSettings settings) {
        if (settings.publicKeyset() != null && !settings.publicKeyset().isBlank()) {
            return settings.publicKeyset();
        }
        if (settings.publicKeysetFile() != null && !settings.publicKeysetFile().isBlank()) {
            try {
                return Files.readString(Path.of(settings.publicKeysetFile()));
            } catch (IOException e) {
                throw new ConfigurationException(SETTING + ".public-keyset-file: cannot read "
                        + settings.publicKeysetFile() + ": " + e.getMessage());
            }
        }
        throw new ConfigurationException(SETTING + ": set public-keyset-file or public-keyset "
                + "(NOTIFICATIONS_SEAL_PUBLIC_KEYSET_FILE or NOTIFICATIONS_SEAL_PUBLIC_KEYSET) to the notifications service's "
                + "public keyset (generate the pair with dev.zendo.auth.keys.KeyTool seal-init)");
    }
}
