package dev.zendo.conversations.agent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A reply to the visitor or an internal note.
 *
 * @param clientMsgId the client's id for retries (1 to 128 characters): a retry with it returns the stored message
 * @param body        the text, 1 to 10,000 characters; control characters other than newline and tab are removed
 * @param kind        {@code text} (to the visitor, the default) or {@code note} (agents only)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PostMessageRequest(@Nullable String clientMsgId, @NotNull String body,
                                 @Nullable @Pattern(regexp = "text|note", message = "must be text or note") String kind) {

    /** Whether it is an internal note. */
    boolean note() {
        return "note".equals(kind);
    }
}
