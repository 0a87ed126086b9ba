package dev.zendo.platform.jdbc;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Plain SQL on the current transaction's connection: one statement, positional parameters, rows mapped by the caller.
 * Parameters bind as their JDBC type, except an {@link Instant} (a UTC {@code timestamptz}), an enum (its name), a
 * {@code UUID[]} (a {@code uuid[]}), a {@link List} (a {@code text[]}) and {@code null} (an untyped NULL).
 */
@Singleton
public class Sql {

    private final JdbcOperations jdbc;

    Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Every row {@code sql} returns. */
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        });
    }

    /** The first row {@code sql} returns, if any. */
    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... parameters) {
        return list(sql, mapper, parameters).stream().findFirst();
    }

    /** Runs a statement that returns no rows and answers how many rows it changed. */
    public int update(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            return statement.executeUpdate();
        });
    }

    /** A nullable timestamp column as an instant. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A nullable UUID column. */
    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    /** A nullable INTEGER column. */
    public static Integer intOrNull(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    /** A nullable BIGINT column. */
    public static Long longOrNull(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            if (parameter instanceof Instant instant) {
                statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else if (parameter instanceof Enum<?> value) {
                statement.setString(i + 1, value.name());
            } else if (parameter instanceof UUID[] ids) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("uuid", ids));
            } else if (parameter instanceof List<?> list) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("text", list.toArray()));
            } else if (parameter == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, parameter);
            }
        }
    }
}
