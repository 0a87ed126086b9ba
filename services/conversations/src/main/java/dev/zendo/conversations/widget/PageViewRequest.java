package dev.zendo.conversations.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A page the visitor went to.
 *
 * @param url      its address, http or https
 * @param title    its title
 * @param referrer the page that linked to it
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PageViewRequest(
        @NotBlank @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String url,
        @Nullable @Size(max = 500) String title,
        @Nullable @Size(max = 2048) String referrer) {
}
