package dev.zendo.websites.groups;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Changes to a group; fields left out keep their value.
 *
 * @param name      display name, unique in the website, at most 200 characters
 * @param routing   {@code round_robin}, {@code least_loaded} or {@code sticky}
 * @param isDefault {@code true} makes it the website's default group (the previous default stops being one)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record UpdateGroupRequest(
        @Nullable @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Size(max = 200) String name,
        @Nullable @Pattern(regexp = Routing.PATTERN, message = Routing.MESSAGE) String routing,
        @Nullable @AssertTrue(message = "can only be true: make another group the default instead") Boolean isDefault) {
}
