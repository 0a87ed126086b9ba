package dev.zendo.notifications.webhook.ssrf;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses webhooks never go to: loopback, private, unique-local, link-local (cloud metadata included), shared
 * (CGNAT), unspecified, multicast, broadcast and reserved ranges, and the same IPv4 addresses written inside IPv6
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4).
 */
public final class AddressPolicy {

    private static final List<Range> REFUSED = List.of(
            Range.of("0.0.0.0/8", "unspecified"),
            Range.of("10.0.0.0/8", "private"),
            Range.of("100.64.0.0/10", "shared address space (CGNAT)"),
            Range.of("127.0.0.0/8", "loopback"),
            Range.of("169.254.0.0/16", "link-local (cloud metadata)"),
            Range.of("172.16.0.0/12", "private"),
            Range.of("192.0.0.0/24", "reserved"),
            Range.of("192.0.2.0/24", "reserved"),
            Range.of("192.168.0.0/16", "private"),
            Range.of("198.18.0.0/15", "reserved"),
            Range.of("198.51.100.0/24", "reserved"),
            Range.of("203.0.113.0/24", "reserved"),
            Range.of("224.0.0.0/4", "multicast"),
            Range.of("240.0.0.0/4", "reserved"),
            Range.of("::/128", "unspecified"),
            Range.of("::1/128", "loopback"),
            Range.of("100::/64", "reserved"),
            Range.of("2001:db8::/32", "reserved"),
            Range.of("fc00::/7", "unique-local"),
            Range.of("fe80::/10", "link-local"),
            Range.of("fec0::/10", "site-local"),
            Range.of("ff00::/8", "multicast"));

    private AddressPolicy() {
    }

    /** Why {@code address} is refused, or empty when a webhook may go there. */
    public static Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        Optional<String> direct = REFUSED.stream().filter(range -> range.contains(bytes)).map(Range::reason).findFirst();
        return direct.isPresent() ? direct : embeddedIpv4(address).flatMap(AddressPolicy::refusal);
    }

    /** The IPv4 address an IPv6 address carries (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16). */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        boolean zeroTen = allZero(b, 0, 10);
        boolean mapped = zeroTen && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroTen && b[10] == 0 && b[11] == 0 && !allZero(b, 12, 15);
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        if (mapped || compatible || nat64) {
            return Optional.of(ipv4(b[12], b[13], b[14], b[15]));
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Optional.of(ipv4(b[2], b[3], b[4], b[5]));
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte a, byte b, byte c, byte d) {
        try {
            return Inet4Address.getByAddress(new byte[]{a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CIDR block and why addresses in it are refused. */
    private record Range(byte[] network, int prefix, String reason) {

        static Range of(String cidr, String reason) {
            String[] parts = cidr.split("/");
            try {
                return new Range(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]), reason);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
