package dev.zendo.bench.load;

import java.time.Duration;

/**
 * Scenario 3 with the same client for both targets: N idle authenticated, subscribed sockets on one server process;
 * its RSS and its live heap plus off-heap buffers after a full GC, before and after, per socket.
 */
final class IdleBench {

    private IdleBench() {
    }

    static void run(Options options, Figures figures) throws Exception {
        int clients = options.positive("clients", 1000);
        int threads = options.positive("client-threads", 1);
        Tally tally = new Tally();
        try (Target target = Target.of(options, 900);
             Sockets sockets = new Sockets(threads, SourceAddresses.forSockets(clients))) {
            figures.setting("target", target.name());
            figures.setting("clients", clients);
            long heapBefore = target.heap().liveBytes();
            long rssBefore = target.server().rssBytes();
            long started = System.nanoTime();
            Fleet.open(sockets, target.socketUri(), clients, tally, r -> target.session(r, tally, Lifecycle.ONCE), Duration.ofMinutes(10));
            figures.figure("open_seconds", (System.nanoTime() - started) / 1e9,
                    String.format("%s: %d sockets subscribed in %.1f s", target.name(), clients, (System.nanoTime() - started) / 1e9));
            long heapAfter = target.heap().liveBytes();
            long rssAfter = target.server().rssBytes();
            long heapPer = (heapAfter - heapBefore) / clients;
            long rssPer = (rssAfter - rssBefore) / clients;
            figures.figure("rss_bytes", new long[]{rssBefore, rssAfter}, String.format("RSS: %d -> %d bytes", rssBefore, rssAfter));
            figures.figure("live_bytes", new long[]{heapBefore, heapAfter},
                    String.format("live heap + off-heap buffers after a full GC: %d -> %d bytes", heapBefore, heapAfter));
            figures.failures(tally);
            figures.figure("rss_bytes_per_socket", rssPer, String.format("%s RSS delta per socket: %d B", target.name(), rssPer));
            figures.figure("live_bytes_per_socket", heapPer,
                    String.format("%s live heap + off-heap per socket: %d B", target.name(), heapPer));
        }
    }
}
