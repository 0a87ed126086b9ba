package dev.zendo.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.zendo.auth.aead.SecretBox;
import dev.zendo.auth.seal.SealKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates signing JWK set files and rotates them in two steps, so replicas in a rolling restart never reject each
 * other's tokens. The first key of a set signs; every key is published. A key issued ({@code iat}) after the signing
 * key is the <em>next</em> key: published and accepted, but nobody signs with it yet; older ones are previous keys.
 * <ul>
 *   <li>{@code init FILE}: one new signing key, unless the file exists;</li>
 *   <li>{@code add-next FILE}: publishes a new next key;</li>
 *   <li>{@code promote FILE}: the next key signs, the signing key becomes a previous key;</li>
 *   <li>{@code retire FILE}: drops the previous keys;</li>
 *   <li>{@code seal-init PRIVATE PUBLIC}: a sealing keyset pair ({@link SealKeys}), unless the private file exists;</li>
 *   <li>{@code aead-init FILE}: an AES-256-GCM keyset for secrets kept at rest ({@link SecretBox}), unless the file exists.</li>
 * </ul>
 */
public final class KeyTool {

    private static final String USAGE = """
            usage: KeyTool init|add-next|promote|retire JWKS_FILE
                   KeyTool seal-init PRIVATE_KEYSET_FILE PUBLIC_KEYSET_FILE
                   KeyTool aead-init KEYSET_FILE""";

    private KeyTool() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("KeyTool: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(String[] args) throws IOException, ParseException, JOSEException, GeneralSecurityException {
        if (args.length == 3 && args[0].equals("seal-init")) {
            sealInit(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        if (args.length != 2) {
            throw new IllegalArgumentException(USAGE);
        }
        Path file = Path.of(args[1]);
        if (args[0].equals("aead-init")) {
            if (!Files.exists(file)) {
                write(file, SecretBox.newKeyset());
            }
            return;
        }
        if (args[0].equals("init")) {
            if (!Files.exists(file)) {
                write(file, init().toString(false));
            }
            return;
        }
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " does not exist: run init first");
        }
        JWKSet keys = JWKSet.parse(Files.readString(file));
        JWKSet changed = switch (args[0]) {
            case "add-next" -> addNext(keys);
            case "promote" -> promote(keys);
            case "retire" -> retire(keys);
            default -> throw new IllegalArgumentException(USAGE);
        };
        write(file, changed.toString(false));
    }

    /** A set of one new signing key. */
    public static JWKSet init() throws JOSEException {
        return new JWKSet(newKey(Instant.now()));
    }

    /** {@code keys} with a new next key published; refused when a next key is already there. */
    public static JWKSet addNext(JWKSet keys) throws JOSEException {
        next(keys).ifPresent(next -> {
            throw new IllegalStateException("next key " + next.getKeyID() + " is already published: promote it first");
        });
        Instant newest = keys.getKeys().stream().map(KeyTool::issuedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<JWK> next = new ArrayList<>(keys.getKeys());
        next.add(newKey(now.isAfter(newest) ? now : newest.plusSeconds(1)));
        return new JWKSet(next);
    }

    /** {@code keys} with the next key signing and the signing key kept as a previous key; refused without a next key. */
    public static JWKSet promote(JWKSet keys) {
        JWK next = next(keys).orElseThrow(() -> new IllegalStateException("there is no next key: run add-next first"));
        List<JWK> promoted = new ArrayList<>();
        promoted.add(next);
        keys.getKeys().stream().filter(key -> key != next).forEach(promoted::add);
        return new JWKSet(promoted);
    }

    /** {@code keys} without the previous keys: the signing key and the next key, if any, stay. */
    public static JWKSet retire(JWKSet keys) {
        Optional<JWK> next = next(keys);
        List<JWK> kept = new ArrayList<>();
        kept.add(keys.getKeys().get(0));
        next.ifPresent(kept::add);
        return new JWKSet(kept);
    }

    /** A fresh P-256 signing key with a random kid. */
    public static ECKey newKey() throws JOSEException {
        return newKey(Instant.now());
    }

    private static ECKey newKey(Instant issuedAt) throws JOSEException {
        return new ECKeyGenerator(Curve.P_256)
                .keyID(UUID.randomUUID().toString())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256)
                .issueTime(Date.from(issuedAt))
                .generate();
    }

    private static Optional<JWK> next(JWKSet keys) {
        if (keys.getKeys().isEmpty()) {
            throw new IllegalStateException("the key set is empty: run init on a new file");
        }
        Instant signing = issuedAt(keys.getKeys().get(0));
        return keys.getKeys().stream().skip(1).filter(key -> issuedAt(key).isAfter(signing)).findFirst();
    }

    private static Instant issuedAt(JWK key) {
        return key.getIssueTime() == null ? Instant.EPOCH : key.getIssueTime().toInstant();
    }

    private static void sealInit(Path privateFile, Path publicFile) throws IOException, GeneralSecurityException {
        if (!Files.exists(privateFile)) {
            write(privateFile, SealKeys.newPrivateKeyset());
        }
        write(publicFile, SealKeys.publicKeysetOf(Files.readString(privateFile)));
    }

    private static void write(Path file, String content) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), ".key", ".tmp");
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(temp, content);
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
