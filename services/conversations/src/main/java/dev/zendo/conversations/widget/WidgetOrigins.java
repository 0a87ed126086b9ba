package dev.zendo.conversations.widget;

import dev.zendo.conversations.replica.Site;
import dev.zendo.platform.http.ApiException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/**
 * Which browser pages may use a website's widget: those whose {@code Origin} is one of the website's allowed origins.
 * A website with no allowed origins admits no browser at all. An admitted request is marked, so {@link WidgetCorsFilter}
 * lets the browser read its answer.
 */
@Singleton
class WidgetOrigins {

    /** Request attribute holding the origin a request was admitted from. */
    static final String ADMITTED = WidgetOrigins.class.getName() + ".admitted";

    /**
     * Admits the request for {@code site}: 403 {@code origin_not_allowed} when its {@code Origin} is not one of the
     * site's allowed origins, or when it has none and {@code required} (session bootstrap always comes from a page).
     */
    void admit(HttpRequest<?> request, Site site, boolean required) {
        Optional<String> origin = request.getHeaders().getOrigin();
        if (origin.isEmpty()) {
            if (required) {
                throw refused("An Origin header is required: the widget runs on a web page.");
            }
            return;
        }
        String asked = origin.get().toLowerCase(Locale.ROOT);
        if (site.allowedOrigins().stream().noneMatch(allowed -> allowed.toLowerCase(Locale.ROOT).equals(asked))) {
            throw refused("This page's origin is not one of the website's allowed origins.");
        }
        request.setAttribute(ADMITTED, origin.get());
    }

    private static ApiException refused(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "origin_not_allowed", message);
    }
}
