package dev.zendo.websites.members;

import dev.zendo.websites.access.Role;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Memberships as stored. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MemberRepository extends CrudRepository<Member, UUID> {

    Optional<Member> findByWebsiteIdAndAgentId(UUID websiteId, String agentId);

    List<Member> findByWebsiteIdOrderByJoinedAt(UUID websiteId);

    List<Member> findByAgentId(String agentId);

    long countByWebsiteId(UUID websiteId);

    long countByWebsiteIdAndRole(UUID websiteId, Role role);

    /** Whether someone with this email (any case) is a member. */
    @Query("SELECT EXISTS (SELECT 1 FROM members WHERE website_id = :websiteId AND lower(email) = lower(:email))")
    boolean existsByEmail(UUID websiteId, String email);

    /** The agent's memberships of websites that are not deleted. */
    @Query("""
            SELECT m.* FROM members m JOIN websites w ON w.id = m.website_id
            WHERE m.agent_id = :agentId AND w.deleted_at IS NULL ORDER BY m.joined_at, m.website_id""")
    List<Member> findLiveByAgentId(String agentId);

    /** The agent's role in the website and whether the website is deleted; empty when the agent is no member. */
    @Query("""
            SELECT m.role, w.deleted_at FROM members m JOIN websites w ON w.id = m.website_id
            WHERE m.website_id = :websiteId AND m.agent_id = :agentId""")
    Optional<MemberAccess> findAccess(UUID websiteId, String agentId);
}
