package dev.zendo.identity.token;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Refresh tokens in the {@code refresh_token} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface RefreshTokenRepository extends GenericRepository<RefreshToken, UUID> {

    RefreshToken save(RefreshToken token);

    Optional<RefreshToken> findByTokenHash(String tokenHash);

    /** The token, locked until the transaction ends, so one token is exchanged at most once. */
    @Query("SELECT * FROM refresh_token WHERE token_hash = :tokenHash FOR UPDATE")
    Optional<RefreshToken> lockByTokenHash(String tokenHash);

    /** The child of {@code parentId} that is still usable, locked until the transaction ends. */
    @Query("SELECT * FROM refresh_token WHERE family_id = :familyId AND parent_id = :parentId AND used_at IS NULL AND revoked_at IS NULL FOR UPDATE")
    Optional<RefreshToken> lockLiveChild(UUID familyId, UUID parentId);

    @Query("UPDATE refresh_token SET used_at = :usedAt WHERE id = :id")
    void markUsed(UUID id, Instant usedAt);

    @Query("UPDATE refresh_token SET revoked_at = :revokedAt WHERE family_id = :familyId AND revoked_at IS NULL")
    long revokeFamily(UUID familyId, Instant revokedAt);

    @Query("UPDATE refresh_token SET revoked_at = :revokedAt WHERE agent_id = :agentId AND revoked_at IS NULL")
    long revokeAgent(UUID agentId, Instant revokedAt);

    @Query("DELETE FROM refresh_token WHERE expires_at < :before")
    long deleteExpiredBefore(Instant before);
}
