package dev.zendo.conversations.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * What the visitor filled in before the first message. The email is stored as an unverified claim.
 *
 * @param name   their name
 * @param email  their email, unverified
 * @param phone  their phone number
 * @param fields the website's custom pre-chat fields, stored as custom attributes (see {@link CustomAttributes})
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PreChatRequest(
        @Nullable @Size(min = 1, max = 200) String name,
        @Nullable @Email @Size(max = 320) String email,
        @Nullable @Pattern(regexp = CustomAttributes.PHONE, message = "must be a phone number of 3 to 32 digits, spaces, dashes, dots, parentheses and a leading +") String phone,
        @Nullable @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE) Map<String, Object> fields) {
}
