package dev.zendo.notifications.webhook.ssrf;

import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The operating system's name resolution. */
@Singleton
class SystemHostResolver implements HostResolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
