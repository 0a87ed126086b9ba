package dev.zendo.websites.invitations;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Invitations as stored. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface InvitationRepository extends CrudRepository<Invitation, UUID> {

    Optional<Invitation> findByIdAndWebsiteId(UUID id, UUID websiteId);

    Optional<Invitation> findByTokenHash(byte[] tokenHash);

    /** Invitations that can still be accepted, oldest first. */
    @Query("""
            SELECT * FROM invitations WHERE website_id = :websiteId AND accepted_at IS NULL AND revoked_at IS NULL
            AND expires_at > :now ORDER BY created_at, id""")
    List<Invitation> findPending(UUID websiteId, Instant now);

    /** Revokes the open invitations of one email: a new invitation replaces them. */
    @Query("""
            UPDATE invitations SET revoked_at = :now WHERE website_id = :websiteId AND email = :email
            AND accepted_at IS NULL AND revoked_at IS NULL""")
    int revokeOpen(UUID websiteId, String email, Instant now);
}
