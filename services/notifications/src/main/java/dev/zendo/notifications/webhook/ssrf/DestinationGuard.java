package dev.zendo.notifications.webhook.ssrf;

import dev.zendo.notifications.webhook.WebhookSettings;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The one place webhook destinations are checked: a host resolves, and every one of its addresses must be allowed
 * ({@link AddressPolicy}) unless the host is named in {@code zendo.notifications.webhooks.allowed-hosts}. The HTTP
 * client connects only to the addresses this returned, so a name cannot resolve differently between check and use.
 */
@Singleton
public class DestinationGuard {

    private final HostResolver resolver;
    private final WebhookSettings settings;

    DestinationGuard(HostResolver resolver, WebhookSettings settings) {
        this.resolver = resolver;
        this.settings = settings;
    }

    /** The addresses to connect to for {@code host}; {@link BlockedAddressException} when any of them is refused. */
    public InetAddress[] addresses(String host) throws UnknownHostException {
        String bare = unbracketed(host);
        InetAddress[] addresses = resolver.resolve(bare);
        if (settings.allowed(host) || settings.allowed(bare)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = AddressPolicy.refusal(address);
            if (refusal.isPresent()) {
                throw new BlockedAddressException(host, address.getHostAddress(), refusal.get());
            }
        }
        return addresses;
    }

    /**
     * Why a subscription to {@code host} is refused now, if it is: a host that does not resolve yet is accepted
     * (its deliveries fail and are retried until it does), one that resolves to a refused address is not.
     */
    public Optional<String> refusal(String host) {
        try {
            addresses(host);
            return Optional.empty();
        } catch (BlockedAddressException e) {
            return Optional.of(e.getMessage());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
