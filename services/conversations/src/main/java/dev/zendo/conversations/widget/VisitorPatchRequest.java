package dev.zendo.conversations.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * Details the visitor gives about itself; a field left out keeps its value. The email is stored as an unverified claim.
 *
 * @param name       their name
 * @param email      their email, unverified
 * @param phone      their phone number
 * @param attributes custom attributes to set (merged into the stored ones; see {@link CustomAttributes})
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record VisitorPatchRequest(
        @Nullable @Size(min = 1, max = 200) String name,
        @Nullable @Email @Size(max = 320) String email,
        @Nullable @Pattern(regexp = CustomAttributes.PHONE, message = "must be a phone number of 3 to 32 digits, spaces, dashes, dots, parentheses and a leading +") String phone,
        @Nullable @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE) Map<String, Object> attributes) {
}
