package dev.zendo.bench.load;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** Opens many client sockets, at most 256 handshakes in flight, and waits until every one is subscribed or lost. */
final class Fleet {

    private static final int IN_FLIGHT = 256;
    private static final long POLL_NANOS = 1_000_000;

    private Fleet() {
    }

    /** Opens {@code count} receivers' sockets to {@code uri}; fails unless all are subscribed within {@code timeout}. */
    static List<Receiver> open(Sockets sockets, URI uri, int count, Tally tally, Function<Receiver, ClientSession> session,
                               Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int settledBefore = tally.settled();
        List<Receiver> receivers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Receiver receiver = new Receiver(tally);
            receivers.add(receiver);
            sockets.open(uri, session.apply(receiver));
            int opened = i + 1;
            await(() -> opened - (tally.settled() - settledBefore) < IN_FLIGHT, deadline, tally, "opening sockets");
        }
        await(() -> tally.settled() - settledBefore >= count, deadline, tally, "waiting for subscriptions");
        if (tally.lostSockets() > 0) {
            throw new IOException(tally.lostSockets() + " of " + count + " sockets were lost before they subscribed: " + tally.failures());
        }
        return receivers;
    }

    /** Waits until {@code done}, failing with what the tally saw once past {@code deadline}. */
    static void await(BooleanSupplier done, long deadline, Tally tally, String what) throws IOException {
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("timed out " + what + ": " + tally.subscriptions() + " subscribed, " + tally.lostSockets()
                        + " lost, failures " + tally.failures());
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Waits until {@code done} or {@code patience} has passed; returns whether it is done. */
    static boolean settle(BooleanSupplier done, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(POLL_NANOS);
        }
        return done.getAsBoolean();
    }
}
