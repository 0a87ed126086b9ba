package dev.zendo.conversations.server;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * Who a server API message is written as: exactly one of a named bot or an agent of the website.
 *
 * @param botName  a bot's display name, 1 to 80 characters
 * @param agentId  a live member of the website whose role may reply (or write notes, for a note)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@Schema(description = "Exactly one of bot_name and agent_id")
public record Sender(@Nullable @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, maxLength = Sender.MAX_BOT_NAME) String botName,
                     @Nullable @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Size(min = 1, max = Sender.MAX_AGENT_ID) String agentId) {

    /** Longest bot name, in code points. */
    public static final int MAX_BOT_NAME = 80;
    /** Longest agent id. */
    public static final int MAX_AGENT_ID = 128;
}
