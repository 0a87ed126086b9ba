package dev.zendo.conversations.replica;

import dev.zendo.conversations.access.Role;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Members of live websites, with their agents' profiles, from the replica. */
@Singleton
public class MemberDirectory {

    private static final String SELECT = """
            SELECT m.website_id, m.agent_id, m.role, m.max_concurrent_chats, m.accepting_chats,
                   nullif(a.name, ''), a.avatar_url, coalesce(a.disabled, FALSE)
            FROM replica_members m
            JOIN replica_websites w ON w.website_id = m.website_id AND NOT w.deleted
            LEFT JOIN replica_agents a ON a.agent_id = m.agent_id
            WHERE m.website_id = ?""";
    private static final String ONE = SELECT + " AND m.agent_id = ?";
    private static final String ALL = SELECT + " ORDER BY m.agent_id";

    private final JdbcOperations jdbc;

    MemberDirectory(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The agent's membership of the website, when the website is live and the agent a member. */
    @Transactional(readOnly = true)
    public Optional<Member> find(UUID websiteId, String agentId) {
        return jdbc.prepareStatement(ONE, statement -> {
            statement.setObject(1, websiteId);
            statement.setString(2, agentId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(member(row)) : Optional.empty();
            }
        });
    }

    /** Every member of the website, by agent id; none when it is not live. */
    @Transactional(readOnly = true)
    public List<Member> members(UUID websiteId) {
        return jdbc.prepareStatement(ALL, statement -> {
            statement.setObject(1, websiteId);
            List<Member> members = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    members.add(member(row));
                }
            }
            return members;
        });
    }

    private static Member member(ResultSet row) throws SQLException {
        return new Member(row.getObject(1, UUID.class), row.getString(2), Role.valueOf(row.getString(3)), row.getInt(4),
                row.getBoolean(5), row.getString(6), row.getString(7), row.getBoolean(8));
    }
}
