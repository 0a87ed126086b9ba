package dev.zendo.websites.canned;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Canned responses as stored. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CannedResponseRepository extends CrudRepository<CannedResponse, UUID> {

    Optional<CannedResponse> findByIdAndWebsiteId(UUID id, UUID websiteId);

    long countByWebsiteId(UUID websiteId);

    /**
     * Responses whose shortcut starts with {@code prefix} (any case; an empty prefix matches all), by shortcut.
     * The prefix must already have LIKE's wildcards escaped.
     */
    @Query("""
            SELECT * FROM canned_responses WHERE website_id = :websiteId AND lower(shortcut) LIKE lower(:escapedPrefix) || '%'
            ORDER BY lower(shortcut) COLLATE "C" LIMIT :limit""")
    List<CannedResponse> findByPrefix(UUID websiteId, String escapedPrefix, int limit);

    /** Whether another response of the website has this shortcut, in any case. */
    @Query("""
            SELECT EXISTS (SELECT 1 FROM canned_responses WHERE website_id = :websiteId AND lower(shortcut) = lower(:shortcut)
            AND id <> :exceptId)""")
    boolean shortcutTaken(UUID websiteId, String shortcut, UUID exceptId);
}
