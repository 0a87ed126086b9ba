package dev.zendo.conversations.widget;

import dev.zendo.platform.http.ClientAddresses;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;

/** The widget API's {@link ClientAddresses}, made at startup so a bad {@code zendo.conversations.widget.trusted-proxies} fails it. */
@Factory
class TrustedProxies {

    @Context
    ClientAddresses clientAddresses(WidgetApiSettings settings) {
        return new ClientAddresses("zendo.conversations.widget.trusted-proxies", settings.trustedProxies());
    }
}
