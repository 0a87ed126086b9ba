package dev.zendo.websites.website;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A new website; the caller becomes its owner.
 *
 * @param name           display name, at most 200 characters
 * @param domains        host names the widget is installed on (at most 50)
 * @param allowedOrigins browser origins the widget may call from (at most 50)
 * @param widget         widget settings; defaults when left out
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CreateWebsiteRequest(
        @NotBlank @Size(max = 200) String name,
        @Nullable @Size(max = 50) List<@Size(max = 253) @Pattern(regexp = WebAddresses.DOMAIN, message = WebAddresses.DOMAIN_MESSAGE) String> domains,
        @Nullable @Size(max = 50) List<@Size(max = 300) @Pattern(regexp = WebAddresses.ORIGIN, message = WebAddresses.ORIGIN_MESSAGE) String> allowedOrigins,
        @Nullable @Valid WidgetSettings widget) {
}
