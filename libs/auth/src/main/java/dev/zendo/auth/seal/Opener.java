package dev.zendo.auth.seal;

import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;

import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;

/** Opens what a {@link Sealer} sealed, with the private keyset of its public one. */
public final class Opener {

    private final HybridDecrypt decrypt;

    private Opener(HybridDecrypt decrypt) {
        this.decrypt = decrypt;
    }

    /** An opener for {@code privateKeyset} (Tink JSON); refuses anything but a private hybrid keyset. */
    public static Opener of(String privateKeyset) {
        Objects.requireNonNull(privateKeyset, "privateKeyset");
        try {
            Configuration configuration = SealKeys.configuration();
            KeysetHandle keys = TinkJsonProtoKeysetFormat.parseKeyset(privateKeyset, InsecureSecretKeyAccess.get());
            return new Opener(keys.getPrimitive(configuration, HybridDecrypt.class));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a Tink private hybrid keyset");
        }
    }

    /** The secret; empty when {@code sealed} was tampered with, sealed for another key or bound to other context info. */
    public Optional<byte[]> open(byte[] sealed, byte[] contextInfo) {
        try {
            return Optional.of(decrypt.decrypt(sealed, contextInfo));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
