package dev.zendo.auth.seal;

import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.hybrid.HybridConfig;

import java.security.GeneralSecurityException;

/**
 * Tink keysets for sealing: HPKE with DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and AES-256-GCM (RFC 9180, base
 * mode), in Tink's JSON keyset format. The private keyset stays with the one service that opens; everyone who
 * seals gets only the public keyset.
 */
public final class SealKeys {

    /** The HPKE suite of every keyset made here. */
    public static final HpkeParameters PARAMETERS;

    static {
        try {
            HybridConfig.register();
            PARAMETERS = HpkeParameters.builder()
                    .setKemId(HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256)
                    .setKdfId(HpkeParameters.KdfId.HKDF_SHA256)
                    .setAeadId(HpkeParameters.AeadId.AES_256_GCM)
                    .setVariant(HpkeParameters.Variant.TINK)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SealKeys() {
    }

    /** Tink's primitives, with the hybrid ones registered. */
    static Configuration configuration() throws GeneralSecurityException {
        return RegistryConfiguration.get();
    }

    /** A new private keyset, as JSON: a secret. */
    public static String newPrivateKeyset() throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PARAMETERS), InsecureSecretKeyAccess.get());
    }

    /** The public keyset of {@code privateKeyset}, as JSON: safe to hand to every service that seals. */
    public static String publicKeysetOf(String privateKeyset) throws GeneralSecurityException {
        KeysetHandle keys = TinkJsonProtoKeysetFormat.parseKeyset(privateKeyset, InsecureSecretKeyAccess.get());
        return TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(keys.getPublicKeysetHandle());
    }
}
