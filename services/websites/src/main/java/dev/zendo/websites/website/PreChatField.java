package dev.zendo.websites.website;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One field of the form a visitor fills in before the first message.
 *
 * @param kind     {@code name}, {@code email}, {@code phone} or {@code custom}
 * @param label    what the field is called in the form
 * @param required whether the visitor must fill it in
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PreChatField(
        @NotNull @Pattern(regexp = "name|email|phone|custom", message = "must be name, email, phone or custom") String kind,
        @NotBlank @Size(max = 100) String label,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) boolean required) {
}
