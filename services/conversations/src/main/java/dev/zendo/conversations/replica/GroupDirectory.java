package dev.zendo.conversations.replica;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Live groups of live websites, with their members, from the replica. */
@Singleton
public class GroupDirectory {

    private static final String SELECT = """
            SELECT g.group_id, g.website_id, g.name, g.routing, g.is_default,
                   coalesce(array_agg(gm.agent_id ORDER BY gm.agent_id) FILTER (WHERE gm.agent_id IS NOT NULL), '{}')
            FROM replica_groups g
            JOIN replica_websites w ON w.website_id = g.website_id AND NOT w.deleted
            LEFT JOIN replica_group_members gm ON gm.group_id = g.group_id
            WHERE g.website_id = ? AND NOT g.deleted AND %s
            GROUP BY g.group_id""";
    private static final String BY_ID = SELECT.formatted("g.group_id = ?");
    private static final String DEFAULT = SELECT.formatted("g.is_default");

    private final JdbcOperations jdbc;

    GroupDirectory(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The group, when it and its website are live and it belongs to that website. */
    @Transactional(readOnly = true)
    public Optional<Group> find(UUID websiteId, UUID groupId) {
        return jdbc.prepareStatement(BY_ID, statement -> {
            statement.setObject(1, websiteId);
            statement.setObject(2, groupId);
            return one(statement.executeQuery());
        });
    }

    /** The website's default group, when it is live. */
    @Transactional(readOnly = true)
    public Optional<Group> defaultGroup(UUID websiteId) {
        return jdbc.prepareStatement(DEFAULT, statement -> {
            statement.setObject(1, websiteId);
            return one(statement.executeQuery());
        });
    }

    private static Optional<Group> one(ResultSet row) throws SQLException {
        try (row) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new Group(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                    Routing.valueOf(row.getString(4)), row.getBoolean(5), SiteDirectory.texts(row.getArray(6))));
        }
    }
}
