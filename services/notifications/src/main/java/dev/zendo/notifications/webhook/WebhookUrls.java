package dev.zendo.notifications.webhook;

import dev.zendo.notifications.webhook.ssrf.DestinationGuard;
import dev.zendo.platform.http.ApiException;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks a subscription's URL: absolute https (plain http only for allowed hosts), a host name, no credentials or
 * fragment, and a host that does not resolve to an address webhooks are never sent to.
 */
@Singleton
class WebhookUrls {

    /** The longest URL accepted. */
    static final int MAX_LENGTH = 2048;

    private final DestinationGuard guard;
    private final WebhookSettings settings;

    WebhookUrls(DestinationGuard guard, WebhookSettings settings) {
        this.guard = guard;
        this.settings = settings;
    }

    /** {@code url} as given when it is acceptable; otherwise 400 naming {@code url}. */
    String require(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw invalid("must be an absolute https URL");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw invalid("must name a host (letters, digits, '-' and '.', or an IP address)");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("must not hold a user name or password; authenticate deliveries by their signature");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("must not have a fragment");
        }
        if (scheme.equals("http") && !settings.allowed(host)) {
            throw invalid("must use https");
        }
        guard.refusal(host).ifPresent(reason -> {
            throw invalid("is refused: " + reason);
        });
        return url;
    }

    private static ApiException invalid(String message) {
        return ApiException.invalid("url", message);
    }
}
