package dev.zendo.conversations.tag;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new tag definition.
 *
 * @param name  1 to 40 characters, not blank, unique among the website's live tags regardless of case (trimmed)
 * @param color {@code #rgb} or {@code #rrggbb}
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CreateTagRequest(
        @NotNull @Pattern(regexp = Tags.NAME, message = Tags.NAME_MESSAGE) @Size(max = Tags.NAME_MAX) String name,
        @NotNull @Pattern(regexp = Tags.COLOR, message = Tags.COLOR_MESSAGE) String color) {
}
