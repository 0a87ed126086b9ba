package dev.zendo.conversations.widget;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * What the widget API tells widgets and whom it believes about client addresses.
 *
 * @param realtimeUrl    the realtime edge's WebSocket URL handed to widgets in every session ({@code ws://} or {@code wss://})
 * @param trustedProxies CIDR ranges of gateways whose {@code X-Forwarded-For} names the client (only loopback by default)
 */
@Context
@ConfigurationProperties("zendo.conversations.widget")
public record WidgetApiSettings(@NotNull URI realtimeUrl, @NotNull List<String> trustedProxies) {

    private static final Set<String> SCHEMES = Set.of("ws", "wss");

    public WidgetApiSettings {
        if (realtimeUrl != null && (!realtimeUrl.isAbsolute() || !SCHEMES.contains(realtimeUrl.getScheme()) || realtimeUrl.getHost() == null)) {
            throw new ConfigurationException("zendo.conversations.widget.realtime-url must be a ws:// or wss:// URL, not " + realtimeUrl);
        }
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }
}
