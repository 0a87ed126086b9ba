package dev.zendo.identity.verification;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Open email verifications in the {@code email_verification} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EmailVerificationRepository extends GenericRepository<EmailVerification, UUID> {

    /** Stores the agent's open verification, replacing the one it had. */
    @Query("""
            INSERT INTO email_verification (agent_id, email, token_hash, created_at, expires_at)
            VALUES (:agentId, :email, :tokenHash, :createdAt, :expiresAt)
            ON CONFLICT (agent_id) DO UPDATE SET email = EXCLUDED.email, token_hash = EXCLUDED.token_hash,
                created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at""")
    void replace(UUID agentId, String email, String tokenHash, Instant createdAt, Instant expiresAt);

    Optional<EmailVerification> findByTokenHash(String tokenHash);

    /** The verification with this token hash, locked until the transaction ends. */
    @Query("SELECT * FROM email_verification WHERE token_hash = :tokenHash FOR UPDATE")
    Optional<EmailVerification> lockByTokenHash(String tokenHash);

    @Query("DELETE FROM email_verification WHERE agent_id = :agentId")
    void deleteOf(UUID agentId);

    @Query("DELETE FROM email_verification WHERE expires_at < :before")
    long deleteExpiredBefore(Instant before);
}
