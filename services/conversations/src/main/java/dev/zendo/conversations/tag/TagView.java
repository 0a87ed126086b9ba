package dev.zendo.conversations.tag;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * A tag definition as members see it.
 *
 * @param id        its id
 * @param name      its name, unique among the website's live tags regardless of case
 * @param color     {@code #rgb} or {@code #rrggbb}, lower case
 * @param deleted   whether it was deleted (it can be restored)
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param deletedAt when it was deleted, for a deleted tag
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TagView(UUID id, String name, String color, boolean deleted, Instant createdAt, Instant updatedAt,
                      @Nullable Instant deletedAt) {

    static final String COLUMNS = "id, name, color, created_at, updated_at, deleted_at";

    static TagView of(ResultSet row) throws SQLException {
        Instant deletedAt = Sql.instant(row, "deleted_at");
        return new TagView(Sql.uuid(row, "id"), row.getString("name"), row.getString("color"), deletedAt != null,
                Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"), deletedAt);
    }
}
