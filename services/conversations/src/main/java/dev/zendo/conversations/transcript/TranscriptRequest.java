package dev.zendo.conversations.transcript;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A visitor's request to get its current (or just ended) thread's transcript by email.
 *
 * @param email    where to send it (an unverified address)
 * @param language the widget's language the mail is written in; the website's widget language when absent
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record TranscriptRequest(
        @NotBlank @Email @Size(max = 320) String email,
        @Nullable @Pattern(regexp = "en|de|es", message = "must be one of the widget's languages: en, de, es")
        @Schema(allowableValues = {"en", "de", "es"}) String language) {
}
