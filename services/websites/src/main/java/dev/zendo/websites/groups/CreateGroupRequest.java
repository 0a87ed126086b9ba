package dev.zendo.websites.groups;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new group.
 *
 * @param name    display name, unique in the website, at most 200 characters
 * @param routing {@code round_robin} (default), {@code least_loaded} or {@code sticky}
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CreateGroupRequest(
        @NotBlank @Size(max = 200) String name,
        @Nullable @Pattern(regexp = Routing.PATTERN, message = Routing.MESSAGE) String routing) {
}
