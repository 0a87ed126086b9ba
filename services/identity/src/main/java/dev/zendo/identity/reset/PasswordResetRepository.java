package dev.zendo.identity.reset;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Open password resets in the {@code password_reset} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PasswordResetRepository extends GenericRepository<PasswordReset, UUID> {

    /** Stores the agent's open reset, replacing the one it had. */
    @Query("""
            INSERT INTO password_reset (agent_id, token_hash, created_at, expires_at)
            VALUES (:agentId, :tokenHash, :createdAt, :expiresAt)
            ON CONFLICT (agent_id) DO UPDATE SET token_hash = EXCLUDED.token_hash,
                created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at""")
    void replace(UUID agentId, String tokenHash, Instant createdAt, Instant expiresAt);

    Optional<PasswordReset> findByTokenHash(String tokenHash);

    /** The reset with this token hash, locked until the transaction ends. */
    @Query("SELECT * FROM password_reset WHERE token_hash = :tokenHash FOR UPDATE")
    Optional<PasswordReset> lockByTokenHash(String tokenHash);

    @Query("DELETE FROM password_reset WHERE agent_id = :agentId")
    void deleteOf(UUID agentId);

    @Query("DELETE FROM password_reset WHERE expires_at < :before")
    long deleteExpiredBefore(Instant before);
}
