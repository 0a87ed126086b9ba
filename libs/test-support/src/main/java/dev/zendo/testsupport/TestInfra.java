package dev.zendo.testsupport;

import com.nimbusds.jose.jwk.JWKSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The one switch between local servers and Testcontainers, and the isolation every spec gets:
 * a fresh database per spec and unique topic names.
 */
public final class TestInfra {

    private static Infrastructure infrastructure;

    private TestInfra() {
    }

    /** The servers of this test run, started on first use. */
    public static synchronized Infrastructure infrastructure() {
        if (infrastructure == null) {
            String mode = System.getenv().getOrDefault("ZENDO_TEST_INFRA", "local");
            infrastructure = switch (mode) {
                case "local" -> LocalInfrastructure.start();
                case "containers" -> ContainerInfrastructure.start();
                default -> throw new IllegalStateException("ZENDO_TEST_INFRA must be local or containers, not " + mode);
            };
        }
        return infrastructure;
    }

    /** A name no other spec or run uses: for databases, topics and consumer groups. */
    public static String uniqueName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Creates a fresh database holding {@code service}'s role and schema, as make up sets them up. */
    public static TestDatabase database(String service) {
        Infrastructure infra = infrastructure();
        String schema = service.replace('-', '_').toLowerCase(Locale.ROOT);
        String role = "zendo_" + schema;
        String database = uniqueName("zt_" + schema);
        try (Connection admin = DriverManager.getConnection(infra.jdbcUrl("postgres"), infra.adminUser(), infra.adminPassword());
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database, e);
        }
        String password = infra.rolePassword();
        String sql = serviceSchemaSql().replace("{{role}}", role).replace("{{password}}", password).replace("{{schema}}", schema);
        try (Connection admin = DriverManager.getConnection(infra.jdbcUrl(database), infra.adminUser(), infra.adminPassword());
             Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create role and schema of " + service, e);
        }
        return new TestDatabase(infra.jdbcUrl(database), role, password, schema);
    }

    /**
     * Configuration for a Micronaut context of {@code service} that points it at this run's servers:
     * a fresh database of its own when it needs one, Kafka, Redis when it uses Redis, and signing keys
     * when it signs tokens.
     */
    public static Map<String, String> properties(String service, Need... needs) {
        Infrastructure infra = infrastructure();
        Map<String, String> properties = new HashMap<>();
        for (Need need : needs) {
            switch (need) {
                case DATABASE -> {
                    TestDatabase database = database(service);
                    properties.put("datasources.default.url", database.jdbcUrl());
                    properties.put("datasources.default.username", database.user());
                    properties.put("datasources.default.password", database.password());
                }
                case KAFKA -> {
                    properties.put("zendo.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
                    properties.put("zendo.kafka.replication-factor", "1");
                    properties.putIfAbsent("zendo.kafka.partitions", "3");
                }
                case REDIS -> properties.put("zendo.redis.uri", infra.redisUri());
                case SIGNING_KEYS -> properties.put("zendo.auth.signing.jwks", new JWKSet(TestKeys.newKey()).toString(false));
                case INVITATION_SEAL_KEY -> properties.put("zendo.websites.invitation-seal.public-keyset", TestSealKeys.publicKeyset());
                case NOTIFICATIONS_SEAL_KEY -> properties.put("zendo.identity.notifications-seal.public-keyset", TestSealKeys.publicKeyset());
                case IDENTITY_SECRETS_KEYSET -> properties.put("zendo.conversations.identity-secrets.keyset", TestAeadKeys.newKeyset());
                case MAIL -> {
                    properties.put("zendo.notifications.mail.host", infra.smtpHost());
                    properties.put("zendo.notifications.mail.port", String.valueOf(infra.smtpPort()));
                }
                case SEAL_OPENER_KEY -> properties.put("zendo.notifications.seal.private-keyset", TestSealKeys.privateKeyset());
                case WEBHOOK_SECRETS_KEYSET -> properties.put("zendo.notifications.webhooks.keyset", TestAeadKeys.newKeyset());
            }
        }
        return properties;
    }

    /**
     * What a service's spec can ask for: servers, a fresh signing key set for services that sign tokens, the
     * public keyset invitation tokens are sealed with and the same public keyset for identity's account mails
     * ({@link TestSealKeys} holds its private keyset), and the keyset conversations encrypts identity-verification
     * secrets with; the shared mail catcher's SMTP server, the private keyset notifications opens sealed secrets with,
     * and the keyset it encrypts webhook signing secrets with.
     */
    public enum Need {
        DATABASE, KAFKA, REDIS, SIGNING_KEYS, INVITATION_SEAL_KEY, NOTIFICATIONS_SEAL_KEY, IDENTITY_SECRETS_KEYSET, MAIL,
        SEAL_OPENER_KEY, WEBHOOK_SECRETS_KEYSET
    }

    private static String serviceSchemaSql() {
        try {
            return Files.readString(RepoRoot.get().resolve("infra/postgres/service-schema.sql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
