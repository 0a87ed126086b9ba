package dev.zendo.conversations.tag;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Changes to a tag definition; fields left out keep their value.
 *
 * @param name  1 to 40 characters, not blank, unique among the website's live tags regardless of case (trimmed)
 * @param color {@code #rgb} or {@code #rrggbb}
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record UpdateTagRequest(
        @Nullable @Pattern(regexp = Tags.NAME, message = Tags.NAME_MESSAGE) @Size(max = Tags.NAME_MAX) String name,
        @Nullable @Pattern(regexp = Tags.COLOR, message = Tags.COLOR_MESSAGE) String color) {
}
