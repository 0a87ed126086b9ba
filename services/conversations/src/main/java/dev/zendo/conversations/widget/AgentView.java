package dev.zendo.conversations.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.net.URI;
import java.util.Locale;

/**
 * An agent of the website as its visitors see them.
 *
 * @param id        the agent's id, as in messages' {@code author.id}
 * @param name      the agent's display name, null until identity's events about the agent arrive
 * @param avatarUrl the agent's avatar image (an absolute http or https URL), null when none
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record AgentView(String id, @Nullable String name, @Nullable String avatarUrl) {

    /** The agent with {@code avatarUrl} kept only when it is an absolute http or https URL. */
    static AgentView of(String id, String name, String avatarUrl) {
        return new AgentView(id, name, webUrl(avatarUrl) ? avatarUrl : null);
    }

    private static boolean webUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
