package dev.zendo.conversations.routing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plain SQL on the current transaction's connection, for routing's locking queries. */
@Singleton
class RoutingJdbc {

    /** Reads one row. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final JdbcOperations jdbc;

    RoutingJdbc(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    <T> List<T> list(String sql, Row<T> mapper, Object... args) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, args);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(mapper.map(result));
                }
            }
            return rows;
        });
    }

    <T> Optional<T> one(String sql, Row<T> mapper, Object... args) {
        return list(sql, mapper, args).stream().findFirst();
    }

    int update(String sql, Object... args) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, args);
            return statement.executeUpdate();
        });
    }

    /** Runs a statement for its effect (a lock function), ignoring what it returns. */
    void execute(String sql, Object... args) {
        jdbc.prepareStatement(sql, statement -> {
            bind(statement, args);
            return statement.execute();
        });
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : args[i];
            statement.setObject(i + 1, arg);
        }
    }
}
