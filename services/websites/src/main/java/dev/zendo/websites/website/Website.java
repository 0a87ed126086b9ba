package dev.zendo.websites.website;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A website (tenant) as stored.
 *
 * @param id             its id
 * @param name           display name
 * @param domains        host names the widget is installed on
 * @param allowedOrigins browser origins the widget may call the API from
 * @param widget         widget settings
 * @param createdBy      the agent who created it
 * @param createdAt      when it was created
 * @param updatedAt      when it last changed
 * @param deletedAt      when it was soft-deleted; null while live
 */
@MappedEntity("websites")
public record Website(
        @Id UUID id,
        String name,
        @TypeDef(type = DataType.STRING_ARRAY) List<String> domains,
        @TypeDef(type = DataType.STRING_ARRAY) List<String> allowedOrigins,
        @TypeDef(type = DataType.JSON) WidgetSettings widget,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deletedAt) {
}
