package dev.zendo.platform.http;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpRequest;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The address of the client behind a request. A request from a trusted proxy (the gateway) names its client in
 * {@code X-Forwarded-For}: the nearest entry that is not itself a trusted proxy is taken, since entries further
 * left were written by the client and can be forged. Any other request's client is its remote address.
 */
public final class ClientAddresses {

    private final List<IpSubnetFilterRule> trusted;

    /**
     * Trusts {@code trustedProxies} (CIDR ranges), the value of the setting named {@code setting}.
     *
     * @throws ConfigurationException naming the setting when a range is not one
     */
    public ClientAddresses(String setting, List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(cidr -> rule(setting, cidr)).toList();
    }

    /** The client's IP address, as text. */
    public String of(HttpRequest<?> request) {
        InetAddress remote = request.getRemoteAddress().getAddress();
        if (!isTrusted(remote)) {
            return NetUtil.toAddressString(remote);
        }
        List<InetAddress> hops = forwardedFor(request);
        InetAddress client = remote;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = hops.get(i);
            if (!isTrusted(client)) {
                break;
            }
        }
        return NetUtil.toAddressString(client);
    }

    private static List<InetAddress> forwardedFor(HttpRequest<?> request) {
        List<InetAddress> hops = new ArrayList<>();
        for (String header : request.getHeaders().getAll("X-Forwarded-For")) {
            Arrays.stream(header.split(",")).map(String::strip)
                    .map(NetUtil::createInetAddressFromIpAddressString)
                    .filter(Objects::nonNull)
                    .forEach(hops::add);
        }
        return hops;
    }

    private boolean isTrusted(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        return trusted.stream().anyMatch(rule -> rule.matches(socket));
    }

    private static IpSubnetFilterRule rule(String setting, String cidr) {
        try {
            return new IpSubnetFilterRule(cidr.strip(), IpFilterRuleType.ACCEPT);
        } catch (RuntimeException e) {
            throw new ConfigurationException(setting + ": '" + cidr + "' is not an address range like 10.0.0.0/8");
        }
    }
}
