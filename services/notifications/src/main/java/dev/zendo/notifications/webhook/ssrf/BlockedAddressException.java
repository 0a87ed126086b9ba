package dev.zendo.notifications.webhook.ssrf;

import java.net.UnknownHostException;

/** A webhook host that resolves to an address webhooks never go to; thrown instead of connecting. */
public final class BlockedAddressException extends UnknownHostException {

    public BlockedAddressException(String host, String address, String reason) {
        super(host + " resolves to " + address + ", a " + reason + " address, which webhooks are never sent to");
    }
}
