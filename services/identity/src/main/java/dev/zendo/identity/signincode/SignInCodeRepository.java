package dev.zendo.identity.signincode;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Open sign-in codes in the {@code sign_in_code} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SignInCodeRepository extends GenericRepository<SignInCode, UUID> {

    /** Stores the agent's open code, replacing the one it had (and its failed attempts). */
    @Query("""
            INSERT INTO sign_in_code (agent_id, salt, code_hash, failed_attempts, created_at, expires_at)
            VALUES (:agentId, :salt, :codeHash, 0, :createdAt, :expiresAt)
            ON CONFLICT (agent_id) DO UPDATE SET salt = EXCLUDED.salt, code_hash = EXCLUDED.code_hash, failed_attempts = 0,
                created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at""")
    void replace(UUID agentId, String salt, String codeHash, Instant createdAt, Instant expiresAt);

    /** The agent's open code, locked until the transaction ends. */
    @Query("SELECT * FROM sign_in_code WHERE agent_id = :agentId FOR UPDATE")
    Optional<SignInCode> lockOf(UUID agentId);

    @Query("UPDATE sign_in_code SET failed_attempts = failed_attempts + 1 WHERE agent_id = :agentId")
    void countFailure(UUID agentId);

    @Query("DELETE FROM sign_in_code WHERE agent_id = :agentId")
    void deleteOf(UUID agentId);

    @Query("DELETE FROM sign_in_code WHERE expires_at < :before")
    long deleteExpiredBefore(Instant before);
}
