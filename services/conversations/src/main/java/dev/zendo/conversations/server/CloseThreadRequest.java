package dev.zendo.conversations.server;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Ends a conversation's current thread.
 *
 * @param reason   why, at most 500 characters
 * @param resolved true to mark it resolved rather than just closed
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CloseThreadRequest(
        @Nullable @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, maxLength = 500) String reason,
        @Nullable @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, defaultValue = "false") Boolean resolved) {
}
