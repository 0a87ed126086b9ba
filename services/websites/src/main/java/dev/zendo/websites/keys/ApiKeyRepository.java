package dev.zendo.websites.keys;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Website keys as stored. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ApiKeyRepository extends CrudRepository<ApiKey, UUID> {

    List<ApiKey> findByWebsiteIdOrderByCreatedAt(UUID websiteId);

    Optional<ApiKey> findByIdAndWebsiteId(UUID id, UUID websiteId);

    /** The current key of one kind: the one without an expiry. */
    @Query("SELECT * FROM api_keys WHERE website_id = :websiteId AND kind = :kind AND expires_at IS NULL")
    Optional<ApiKey> findCurrent(UUID websiteId, String kind);

    /** The current public keys of several websites. */
    @Query("SELECT * FROM api_keys WHERE website_id IN (:websiteIds) AND kind = 'PUBLIC' AND expires_at IS NULL")
    List<ApiKey> findCurrentPublicKeys(Collection<UUID> websiteIds);
}
