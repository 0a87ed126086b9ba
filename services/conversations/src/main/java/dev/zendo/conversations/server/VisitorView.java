package dev.zendo.conversations.server;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A visitor's profile as the server API shows it.
 *
 * @param id         the visitor's id
 * @param label      the readable name derived from the id ("Brave Otter 42")
 * @param name       display name, when known
 * @param email      email, when known
 * @param phone      phone number, when known
 * @param attributes custom attributes
 * @param createdAt  when the visitor first came
 * @param updatedAt  when the profile last changed
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record VisitorView(UUID id, String label, @Nullable String name, @Nullable String email, @Nullable String phone,
                          @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE) Map<String, Object> attributes,
                          Instant createdAt, Instant updatedAt) {
}
