package dev.zendo.websites.groups;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Groups and their members as stored. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface GroupRepository extends CrudRepository<Group, UUID> {

    List<Group> findByWebsiteIdOrderByCreatedAt(UUID websiteId);

    Optional<Group> findByIdAndWebsiteId(UUID id, UUID websiteId);

    Optional<Group> findByWebsiteIdAndDefaultGroup(UUID websiteId, boolean defaultGroup);

    long countByWebsiteId(UUID websiteId);

    /** Whether another group of the website has this name, in any case. */
    @Query("SELECT EXISTS (SELECT 1 FROM agent_groups WHERE website_id = :websiteId AND lower(name) = lower(:name) AND id <> :exceptId)")
    boolean nameTaken(UUID websiteId, String name, UUID exceptId);

    @Query("SELECT agent_id FROM group_members WHERE group_id = :groupId ORDER BY agent_id")
    List<String> findMemberIds(UUID groupId);

    @Query("SELECT group_id FROM group_members WHERE website_id = :websiteId AND agent_id = :agentId")
    List<UUID> findGroupIdsOf(UUID websiteId, String agentId);

    /** Adds a member; returns 0 when it already was one. */
    @Query("INSERT INTO group_members (group_id, website_id, agent_id) VALUES (:groupId, :websiteId, :agentId) ON CONFLICT DO NOTHING")
    int addMember(UUID groupId, UUID websiteId, String agentId);

    /** Removes a member; returns 0 when it was none. */
    @Query("DELETE FROM group_members WHERE group_id = :groupId AND agent_id = :agentId")
    int removeMember(UUID groupId, String agentId);
}
