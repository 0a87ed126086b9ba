package dev.zendo.websites.website;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Websites as stored. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface WebsiteRepository extends CrudRepository<Website, UUID> {

    /** The website, locked until the transaction ends: changes inside one website are serialized. */
    @Query("SELECT * FROM websites WHERE id = :id FOR UPDATE")
    Optional<Website> lock(UUID id);

    /** Websites {@code agentId} is a member of, live or deleted, oldest first. */
    @Query("""
            SELECT w.* FROM websites w JOIN members m ON m.website_id = w.id
            WHERE m.agent_id = :agentId AND (w.deleted_at IS NULL) <> :deleted ORDER BY w.created_at, w.id""")
    List<Website> findByMember(String agentId, boolean deleted);

    /** Serializes website creations of {@code agentId} until the transaction ends, so its count of websites stays true. */
    @Query("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended('websites-of:' || :agentId, 0))) AS locked")
    int lockCreationsOf(String agentId);

    /** Websites {@code agentId} owns, live or in the trash. */
    @Query("SELECT count(*) FROM websites w JOIN members m ON m.website_id = w.id WHERE m.agent_id = :agentId AND m.role = 'OWNER'")
    long countOwnedBy(String agentId);

    /** Permanently removes websites deleted before {@code cutoff}, with everything they hold. */
    @Query("DELETE FROM websites WHERE deleted_at < :cutoff")
    int purgeDeletedBefore(Instant cutoff);
}
