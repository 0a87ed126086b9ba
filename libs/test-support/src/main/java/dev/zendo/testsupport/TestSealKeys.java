package dev.zendo.testsupport;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.hybrid.HybridConfig;

import java.security.GeneralSecurityException;

/** One HPKE sealing keyset pair per test run (as KeyTool seal-init makes them), never committed. */
public final class TestSealKeys {

    private static final KeysetHandle PRIVATE = generate();

    private TestSealKeys() {
    }

    /** The private keyset, Tink JSON: what the notifications service would hold. */
    public static String privateKeyset() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(PRIVATE, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public keyset, Tink JSON: what services that seal are given. */
    public static String publicKeyset() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(PRIVATE.getPublicKeysetHandle());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeysetHandle generate() {
        try {
            HybridConfig.register();
            return KeysetHandle.generateNew(HpkeParameters.builder()
                    .setKemId(HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256)
                    .setKdfId(HpkeParameters.KdfId.HKDF_SHA256)
                    .setAeadId(HpkeParameters.AeadId.AES_256_GCM)
                    .setVariant(HpkeParameters.Variant.TINK)
                    .build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
