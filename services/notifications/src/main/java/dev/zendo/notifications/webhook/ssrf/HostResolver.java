package dev.zendo.notifications.webhook.ssrf;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a host name into the addresses a connection may go to. */
public interface HostResolver {

    /** Every address of {@code host}; an IP literal is its own address. */
    InetAddress[] resolve(String host) throws UnknownHostException;
}
