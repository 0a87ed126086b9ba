package dev.zendo.bench.load;

import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Local addresses to open client sockets from, in turn: 127.B.0.1 to 127.B.0.N (all of 127/8 is loopback on Linux),
 * so that more sockets than one address's ephemeral ports (about 28k) can reach one server port. B is drawn for each
 * run: the ports the previous scenario's sockets left in TIME_WAIT on its addresses are not free to bind for a minute.
 */
final class SourceAddresses {

    private final InetSocketAddress[] addresses;
    private final AtomicInteger next = new AtomicInteger();

    SourceAddresses(int count) {
        if (count < 1 || count > 254) {
            throw new IllegalArgumentException("between 1 and 254 source addresses, not " + count);
        }
        addresses = new InetSocketAddress[count];
        int network = ThreadLocalRandom.current().nextInt(1, 255);
        for (int i = 0; i < count; i++) {
            addresses[i] = new InetSocketAddress("127." + network + ".0." + (i + 1), 0);
        }
    }

    /** Enough addresses for {@code sockets}, at most 20,000 sockets each (below the ephemeral range of ~28k). */
    static SourceAddresses forSockets(int sockets) {
        return new SourceAddresses(Math.max(1, (sockets + 19_999) / 20_000));
    }

    InetSocketAddress next() {
        return addresses[Math.floorMod(next.getAndIncrement(), addresses.length)];
    }
}
