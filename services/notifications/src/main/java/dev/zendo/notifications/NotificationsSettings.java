package dev.zendo.notifications;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the notifications service reads and where its links point.
 *
 * @param publicUrl     the origin agents and visitors reach the dashboard and the API on; every link in a mail starts
 *                      with it
 * @param websitesTopic the websites service's lifecycle topic (websites, members, invitations)
 * @param identityTopic the identity service's lifecycle topic (agents and their account mails)
 */
@Context
@ConfigurationProperties("zendo.notifications")
public record NotificationsSettings(@NotNull URI publicUrl, @NotBlank String websitesTopic, @NotBlank String identityTopic) {

    public NotificationsSettings {
        if (publicUrl != null && (!"http".equals(publicUrl.getScheme()) && !"https".equals(publicUrl.getScheme())
                || publicUrl.getHost() == null)) {
            throw new IllegalArgumentException("zendo.notifications.public-url must be an absolute http(s) URL, not " + publicUrl);
        }
    }

    /** {@code path} (starting with '/') on the public origin. */
    public String link(String path) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /**
     * The link of a path template such as {@code /invitations/accept#token={token}}, with {@code secret} in its place;
     * empty when the template is not a path with one {@code {token}}.
     */
    public Optional<String> link(String pathTemplate, String secret) {
        if (!pathTemplate.startsWith("/") || pathTemplate.startsWith("//")
                || pathTemplate.indexOf("{token}") != pathTemplate.lastIndexOf("{token}") || !pathTemplate.contains("{token}")) {
            return Optional.empty();
        }
        return Optional.of(link(pathTemplate.replace("{token}", URLEncoder.encode(secret, StandardCharsets.UTF_8))));
    }
}
