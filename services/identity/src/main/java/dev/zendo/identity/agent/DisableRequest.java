package dev.zendo.identity.agent;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * Confirms that the agent itself asks to be disabled.
 *
 * @param password the agent's current password
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record DisableRequest(@NotEmpty @Size(max = 1024) String password) {
}
