package dev.zendo.conversations.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * The one writer of {@code audit_log}: who did what to which target of a website, and when, written in the caller's
 * transaction so the entry exists exactly when the action took effect. Details never hold secrets or personal values.
 */
@Singleton
public class AuditLog {

    private static final String INSERT = """
            INSERT INTO audit_log (website_id, actor_kind, actor_id, action, target_type, target_id, detail, occurred_at)
            VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)""";

    private final JdbcOperations jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    AuditLog(JdbcOperations jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records an action in the current transaction (there must be one).
     *
     * @param websiteId  the website it happened in
     * @param actorKind  who took it
     * @param actorId    the agent's or visitor's id, the bot's name, the secret key's id (never the key); null for the system
     * @param action     what was done, e.g. {@code server.message.posted}
     * @param targetType the kind of thing it was done to, e.g. {@code conversation}; null when none
     * @param targetId   that thing's id; null when none
     * @param detail     a JSON object of further facts (ids, field names, counts)
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(UUID websiteId, AuditActorKind actorKind, String actorId, String action, String targetType, String targetId,
                       Map<String, ?> detail) {
        String detailJson;
        try {
            detailJson = json.writeValueAsString(detail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.prepareStatement(INSERT, statement -> {
            statement.setObject(1, websiteId);
            statement.setString(2, actorKind.name());
            statement.setString(3, actorId);
            statement.setString(4, action);
            statement.setString(5, targetType);
            statement.setString(6, targetId);
            statement.setString(7, detailJson);
            statement.setTimestamp(8, Timestamp.from(clock.instant()));
            return statement.executeUpdate();
        });
    }
}
