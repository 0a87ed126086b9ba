package dev.zendo.websites.website;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.zendo.websites.access.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A website as its members see it.
 *
 * @param id             its id
 * @param name           display name
 * @param domains        host names the widget is installed on
 * @param allowedOrigins browser origins the widget may call from
 * @param widget         widget settings
 * @param publicKey      the current public widget key ({@code pk_…}), for the embed snippet
 * @param role           the caller's role in it
 * @param createdAt      when it was created
 * @param updatedAt      when it last changed
 * @param deletedAt      when it was deleted, for websites in the trash
 * @param secretKey      the secret server key ({@code sk_…}): only in the answer to its creation, never again
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebsiteView(
        UUID id,
        String name,
        List<String> domains,
        List<String> allowedOrigins,
        WidgetSettings widget,
        @Nullable String publicKey,
        Role role,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deletedAt,
        @Nullable String secretKey) {

    static WebsiteView of(Website website, @Nullable String publicKey, Role role) {
        return new WebsiteView(website.id(), website.name(), website.domains(), website.allowedOrigins(), website.widget(),
                publicKey, role, website.createdAt(), website.updatedAt(), website.deletedAt(), null);
    }

    WebsiteView withSecretKey(String secret) {
        return new WebsiteView(id, name, domains, allowedOrigins, widget, publicKey, role, createdAt, updatedAt, deletedAt, secret);
    }
}
