package dev.zendo.auth.seal;

import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;

import java.security.GeneralSecurityException;
import java.util.Objects;

/** Seals secrets with a public keyset (see {@link SealKeys}) so that only the holder of its private keyset can open them. */
public final class Sealer {

    private final HybridEncrypt encrypt;

    private Sealer(HybridEncrypt encrypt) {
        this.encrypt = encrypt;
    }

    /** A sealer for {@code publicKeyset} (Tink JSON); refuses anything but a public hybrid keyset. */
    public static Sealer of(String publicKeyset) {
        Objects.requireNonNull(publicKeyset, "publicKeyset");
        try {
            Configuration configuration = SealKeys.configuration();
            KeysetHandle keys = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(publicKeyset);
            return new Sealer(keys.getPrimitive(configuration, HybridEncrypt.class));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a Tink public hybrid keyset");
        }
    }

    /** {@code secret} sealed and bound to {@code contextInfo}: opening needs the same context info. */
    public byte[] seal(byte[] secret, byte[] contextInfo) {
        try {
            return encrypt.encrypt(secret, contextInfo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal", e);
        }
    }
}
