package dev.zendo.conversations.verification;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Identity-verification secrets as stored. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface IdentitySecretRepository extends CrudRepository<IdentitySecret, UUID> {

    /** Serializes changes to one website's secrets until the transaction ends. */
    @Query("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended('identity-secrets:' || CAST(:websiteId AS text), 0))) AS locked")
    int lockWebsite(UUID websiteId);

    /** The secrets that verify at {@code now}: the current one first, then previous ones, newest first. */
    @Query("""
            SELECT * FROM identity_secrets
            WHERE website_id = :websiteId AND (expires_at IS NULL OR expires_at > :now)
            ORDER BY expires_at IS NOT NULL, created_at DESC""")
    List<IdentitySecret> findValid(UUID websiteId, Instant now);

    Optional<IdentitySecret> findByIdAndWebsiteId(UUID id, UUID websiteId);

    /** Makes every secret of the website that would outlive {@code until}, the current one included, stop then. */
    @Query("UPDATE identity_secrets SET expires_at = :until WHERE website_id = :websiteId AND (expires_at IS NULL OR expires_at > :until)")
    int expireAllAt(UUID websiteId, Instant until);

    /** Deletes secrets that stopped verifying, so their ciphertexts do not linger. */
    @Query("DELETE FROM identity_secrets WHERE expires_at <= :now")
    int purgeExpired(Instant now);
}
