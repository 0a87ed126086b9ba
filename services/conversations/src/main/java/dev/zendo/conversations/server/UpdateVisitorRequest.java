package dev.zendo.conversations.server;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * Profile facts the website's backend vouches for; fields left out keep their value.
 *
 * @param name       display name, 1 to 200 characters
 * @param email      email address, at most 254 characters; trusted (shown to agents as the visitor's email) but never
 *                   used to find or merge visitors
 * @param phone      phone number: digits, spaces and {@code + - ( ) .}, 3 to 32 characters
 * @param attributes custom attributes merged into the visitor's: keys of lower-case letters, digits and {@code _}
 *                   (at most 40, starting with a letter), values strings (at most 500 characters), numbers or booleans;
 *                   a null value removes the key; at most 50 keys in all
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record UpdateVisitorRequest(
        @Nullable @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, maxLength = 200) String name,
        @Nullable @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, format = "email") @Size(max = 254) String email,
        @Nullable @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Size(max = 32) String phone,
        @Nullable @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
        Map<String, Object> attributes) {
}
