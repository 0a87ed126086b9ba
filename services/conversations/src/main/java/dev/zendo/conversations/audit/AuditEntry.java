package dev.zendo.conversations.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/**
 * One audited action.
 *
 * @param id         the entry's id, increasing with time
 * @param actorKind  who took it
 * @param actorId    the agent's or visitor's id, the bot's name, the secret key's id; absent for the system
 * @param action     what was done, e.g. {@code server.message.posted}
 * @param targetType the kind of thing it was done to, e.g. {@code conversation}
 * @param targetId   that thing's id
 * @param detail     further facts (ids, field names, counts)
 * @param occurredAt when
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record AuditEntry(long id, AuditActorKind actorKind, @Nullable String actorId, String action, @Nullable String targetType,
                         @Nullable String targetId,
                         @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE) Map<String, Object> detail,
                         Instant occurredAt) {
}
