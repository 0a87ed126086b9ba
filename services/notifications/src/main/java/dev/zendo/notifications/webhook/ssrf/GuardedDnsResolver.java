package dev.zendo.notifications.webhook.ssrf;

import org.apache.hc.client5.http.DnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The HTTP client's name resolution, through {@link DestinationGuard}: the client connects only to addresses that
 * were checked, so a host cannot pass the check with one address and be reached at another (DNS rebinding).
 */
public final class GuardedDnsResolver implements DnsResolver {

    private final DestinationGuard guard;

    public GuardedDnsResolver(DestinationGuard guard) {
        this.guard = guard;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return guard.addresses(host);
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
