package dev.zendo.auth.keys;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/** A service's signing keys, loaded and checked once at startup: the current signer and the published set. */
@Context
@Requires(bean = SigningSettings.class)
public class SigningKeys {

    private final ECKey current;
    private final JWKSet published;

    SigningKeys(SigningSettings settings) {
        JWKSet keys = load(settings);
        List<JWK> all = keys.getKeys();
        if (all.isEmpty() || all.stream().anyMatch(k -> !(k instanceof ECKey ec) || !ec.isPrivate() || k.getKeyID() == null)) {
            throw new ConfigurationException("zendo.auth.signing: every key must be a private EC P-256 key with a kid");
        }
        this.current = (ECKey) all.get(0);
        this.published = keys.toPublicJWKSet();
    }

    /** The key new tokens are signed with. */
    public ECKey current() {
        return current;
    }

    /** Public parts of the current and previous keys, as served at a JWKS endpoint. */
    public Map<String, Object> publicJwks() {
        return published.toJSONObject(true);
    }

    /** The public key set, for verifying this service's own tokens without a network call. */
    public JWKSet publicKeySet() {
        return published;
    }

    private static JWKSet load(SigningSettings settings) {
        try {
            if (settings.jwks() != null && !settings.jwks().isBlank()) {
                return JWKSet.parse(settings.jwks());
            }
            if (settings.jwksFile() != null && !settings.jwksFile().isBlank()) {
                return JWKSet.parse(Files.readString(Path.of(settings.jwksFile())));
            }
        } catch (IOException e) {
            throw new ConfigurationException("zendo.auth.signing.jwks-file: cannot read " + settings.jwksFile() + ": " + e.getMessage());
        } catch (ParseException e) {
            throw new ConfigurationException("zendo.auth.signing: not a JWK set: " + e.getMessage());
        }
        throw new ConfigurationException("zendo.auth.signing: set jwks-file or jwks (generate one with dev.zendo.auth.keys.KeyTool)");
    }
}
