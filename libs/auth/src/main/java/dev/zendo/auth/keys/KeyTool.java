package dev.zendo.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Creates and rotates a signing JWK set file: {@code KeyTool init FILE} writes one key unless the file exists;
 * {@code KeyTool rotate FILE} puts a new key first and keeps the previous one, so its tokens still verify.
 */
public final class KeyTool {

    private KeyTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !List.of("init", "rotate").contains(args[0])) {
            System.err.println("usage: KeyTool init|rotate FILE");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        if (args[0].equals("init") && Files.exists(file)) {
            return;
        }
        write(file, rotate(Files.exists(file) ? JWKSet.parse(Files.readString(file)) : new JWKSet()));
    }

    /** A new key first, followed by the newest previous key; older ones are dropped. */
    public static JWKSet rotate(JWKSet keys) throws JOSEException {
        List<JWK> next = new ArrayList<>();
        next.add(newKey());
        keys.getKeys().stream().limit(1).forEach(next::add);
        return new JWKSet(next);
    }

    /** A fresh P-256 signing key with a random kid. */
    public static ECKey newKey() throws JOSEException {
        return new ECKeyGenerator(Curve.P_256)
                .keyID(UUID.randomUUID().toString())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256)
                .issueTime(new Date())
                .generate();
    }

    private static void write(Path file, JWKSet keys) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".jwks", ".tmp");
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(temp, keys.toString(false));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
