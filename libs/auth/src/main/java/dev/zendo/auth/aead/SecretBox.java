package dev.zendo.auth.aead;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;

/**
 * Encrypts secrets a service keeps at rest with a Tink AEAD keyset (AES-256-GCM, Tink JSON format): each
 * ciphertext is bound to associated data, so a row copied under another owner does not decrypt.
 */
public final class SecretBox {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Aead aead;

    private SecretBox(Aead aead) {
        this.aead = aead;
    }

    /** A new AES-256-GCM keyset, as Tink JSON: a secret. */
    public static String newKeyset() throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
                InsecureSecretKeyAccess.get());
    }

    /** A box for {@code keyset} (Tink JSON); refuses anything but an AEAD keyset. */
    public static SecretBox of(String keyset) {
        Objects.requireNonNull(keyset, "keyset");
        try {
            KeysetHandle keys = TinkJsonProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get());
            return new SecretBox(keys.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a Tink AEAD keyset");
        }
    }

    /** {@code secret} encrypted and bound to {@code associatedData}. */
    public byte[] encrypt(byte[] secret, byte[] associatedData) {
        try {
            return aead.encrypt(secret, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    /** The secret; empty when {@code ciphertext} was tampered with, made with another key or bound to other data. */
    public Optional<byte[]> decrypt(byte[] ciphertext, byte[] associatedData) {
        try {
            return Optional.of(aead.decrypt(ciphertext, associatedData));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
