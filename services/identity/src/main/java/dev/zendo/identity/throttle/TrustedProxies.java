package dev.zendo.identity.throttle;

import dev.zendo.identity.IdentitySettings;
import dev.zendo.platform.http.ClientAddresses;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;

/** Identity's {@link ClientAddresses}, made at startup so a bad {@code zendo.identity.trusted-proxies} fails it. */
@Factory
class TrustedProxies {

    @Context
    ClientAddresses clientAddresses(IdentitySettings settings) {
        return new ClientAddresses("zendo.identity.trusted-proxies", settings.trustedProxies());
    }
}
