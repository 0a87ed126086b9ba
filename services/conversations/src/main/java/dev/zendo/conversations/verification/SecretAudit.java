package dev.zendo.conversations.verification;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Records who rotated or revoked an identity-verification secret in the audit log, in the change's transaction. */
@Singleton
class SecretAudit {

    static final String ROTATED = "identity_secret.rotated";
    static final String REVOKED = "identity_secret.revoked";

    private static final String INSERT = """
            INSERT INTO audit_log (website_id, actor_kind, actor_id, action, target_type, target_id, detail, occurred_at)
            VALUES (?, 'AGENT', ?, ?, 'identity_secret', ?, CAST(? AS jsonb), ?)""";

    private final JdbcOperations jdbc;
    private final ObjectMapper json;

    SecretAudit(JdbcOperations jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void record(UUID websiteId, String agentId, String action, UUID secretId, Map<String, String> detail, Instant at) {
        String detailJson;
        try {
            detailJson = json.writeValueAsString(detail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.prepareStatement(INSERT, statement -> {
            statement.setObject(1, websiteId);
            statement.setString(2, agentId);
            statement.setString(3, action);
            statement.setString(4, secretId.toString());
            statement.setString(5, detailJson);
            statement.setTimestamp(6, Timestamp.from(at));
            return statement.executeUpdate();
        });
    }
}
