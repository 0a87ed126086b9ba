package dev.zendo.notifications.replica;

import dev.zendo.notifications.access.Membership;
import dev.zendo.notifications.access.Role;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The replica of memberships: who belongs to which live website, with which role. */
@Singleton
public class Members {

    private static final Set<Role> ANSWERING = EnumSet.of(Role.OWNER, Role.ADMIN, Role.SUPERVISOR, Role.AGENT);
    private static final Set<Role> MANAGING = EnumSet.of(Role.OWNER, Role.ADMIN);

    private static final String UPSERT = """
            INSERT INTO member (website_id, agent_id, role) VALUES (?, ?, ?)
            ON CONFLICT (website_id, agent_id) DO UPDATE SET role = excluded.role""";
    private static final String REMOVE = "DELETE FROM member WHERE website_id = ? AND agent_id = ?";
    private static final String ONE = """
            SELECT m.website_id, m.agent_id, m.role FROM member m
            JOIN website w ON w.id = m.website_id AND NOT w.deleted
            WHERE m.website_id = ? AND m.agent_id = ?""";
    private static final String MEMBER = """
            SELECT a.id, a.email, a.name, a.email_verified, a.disabled FROM member m
            JOIN website w ON w.id = m.website_id AND NOT w.deleted
            JOIN agent a ON a.id = m.agent_id
            WHERE m.website_id = ? AND m.agent_id = ?""";
    private static final String WITH_ROLES = """
            SELECT a.id, a.email, a.name, a.email_verified, a.disabled FROM member m
            JOIN website w ON w.id = m.website_id AND NOT w.deleted
            JOIN agent a ON a.id = m.agent_id
            WHERE m.website_id = ? AND m.role = ANY (?) ORDER BY a.id""";
    private static final String IN_GROUP = """
            SELECT a.id, a.email, a.name, a.email_verified, a.disabled FROM member m
            JOIN website w ON w.id = m.website_id AND NOT w.deleted
            JOIN agent a ON a.id = m.agent_id
            JOIN group_member g ON g.website_id = m.website_id AND g.agent_id = m.agent_id AND g.group_id = ?
            WHERE m.website_id = ? AND m.role = ANY (?) ORDER BY a.id""";

    private final JdbcOperations jdbc;

    Members(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(Connection connection, UUID websiteId, String agentId, Role role) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setObject(1, websiteId);
            upsert.setString(2, agentId);
            upsert.setString(3, role.name());
            upsert.executeUpdate();
        }
    }

    void remove(Connection connection, UUID websiteId, String agentId) throws SQLException {
        try (PreparedStatement remove = connection.prepareStatement(REMOVE)) {
            remove.setObject(1, websiteId);
            remove.setString(2, agentId);
            remove.executeUpdate();
        }
    }

    /** The agent's membership of the website, when the website is live and the agent a member. */
    @Transactional(readOnly = true)
    public Optional<Membership> of(UUID websiteId, String agentId) {
        return jdbc.prepareStatement(ONE, statement -> {
            statement.setObject(1, websiteId);
            statement.setString(2, agentId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(new Membership(row.getObject(1, UUID.class), row.getString(2), Role.valueOf(row.getString(3))))
                        : Optional.empty();
            }
        });
    }

    /** The agent, when it is known and a member of the live website. */
    public Optional<Agents.Agent> member(Connection connection, UUID websiteId, String agentId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(MEMBER)) {
            select.setObject(1, websiteId);
            select.setString(2, agentId);
            return agents(select).stream().findFirst();
        }
    }

    /** The known members of a live website who answer chats, by id. */
    public List<Agents.Agent> answering(Connection connection, UUID websiteId) throws SQLException {
        return withRoles(connection, websiteId, ANSWERING);
    }

    /**
     * The known members of a live website who answer the chats of group {@code groupId}: the group's answering members,
     * else (no group, or none of its members answers chats) every answering member of the website; by id.
     */
    public List<Agents.Agent> answeringFor(Connection connection, UUID websiteId, String groupId) throws SQLException {
        List<Agents.Agent> group = groupId.isBlank() ? List.of() : inGroup(connection, websiteId, groupId, ANSWERING);
        return group.isEmpty() ? answering(connection, websiteId) : group;
    }

    /** The known owners and admins of a live website, by id. */
    public List<Agents.Agent> managers(Connection connection, UUID websiteId) throws SQLException {
        return withRoles(connection, websiteId, MANAGING);
    }

    private static List<Agents.Agent> withRoles(Connection connection, UUID websiteId, Set<Role> roles) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(WITH_ROLES)) {
            select.setObject(1, websiteId);
            select.setArray(2, connection.createArrayOf("text", roles.stream().map(Role::name).toArray()));
            return agents(select);
        }
    }

    private static List<Agents.Agent> inGroup(Connection connection, UUID websiteId, String groupId, Set<Role> roles) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(IN_GROUP)) {
            select.setString(1, groupId);
            select.setObject(2, websiteId);
            select.setArray(3, connection.createArrayOf("text", roles.stream().map(Role::name).toArray()));
            return agents(select);
        }
    }

    private static List<Agents.Agent> agents(PreparedStatement select) throws SQLException {
        List<Agents.Agent> agents = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                agents.add(Agents.agent(row));
            }
        }
        return agents;
    }
}
