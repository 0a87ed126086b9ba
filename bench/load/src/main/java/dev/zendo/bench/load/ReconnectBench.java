package dev.zendo.bench.load;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 5: N clients on edge node 1 while events flow at a fixed rate; a third into the run node 1 is killed
 * (SIGKILL). Each client reconnects to node 2 after the dashboard's backoff ({@code --reconnect-backoff-ms}, 500: a
 * random wait up to 500 ms, doubling with each failed attempt; 0 reconnects every client at once) and subscribes with
 * its last cursor. Node 2 holds standing clients of the same website from the start, as a node of a live cluster does:
 * it is warm and already reads the website's topic when the others arrive. Per client, the time from its new socket's
 * upgrade until it holds every event sent before that upgrade; then, over the whole run, the events
 * some client never got (gaps) and the repeats a resume delivered (which a client drops by event id). Every client
 * has a ticket of its own ({@code --tickets=own}, the default), so node 2 checks each one's signature as it would a
 * real herd's; {@code --tickets=shared} gives them one ticket, which a node checks once.
 */
final class ReconnectBench {

    private static final Duration DRAIN = Duration.ofSeconds(30);

    private ReconnectBench() {
    }

    static void run(Options options, Figures figures) throws Exception {
        int clients = options.positive("clients", 5000);
        int rate = options.positive("rate", 50);
        Duration seconds = options.seconds("seconds", 30);
        URI node2 = options.uri("edge-ws-2");
        int standing = options.positive("standing-clients", Math.max(1, clients / 10));
        String given = options.optional("tickets");
        String tickets = given.isEmpty() ? "own" : given;
        if (!tickets.equals("own") && !tickets.equals("shared")) {
            throw new IllegalArgumentException("--tickets must be own or shared, not " + tickets);
        }
        boolean ownTickets = tickets.equals("own");
        int backoff = options.nonNegative("reconnect-backoff-ms", Backoff.DASHBOARD_MILLIS);
        figures.setting("clients", clients);
        figures.setting("rate_per_second", rate);
        figures.setting("seconds", seconds.toSeconds());
        figures.setting("standing_clients", standing);
        figures.setting("tickets", tickets);
        figures.setting("reconnect_backoff_ms", backoff);
        Tally tally = new Tally();
        FixedRate sender = new FixedRate();
        AtomicInteger reconnects = new AtomicInteger();
        int maxReconnects = clients * 5;
        try (ZendoTarget target = ZendoTarget.create(options, seconds.toSeconds() + 600);
             Sockets sockets = new Sockets(options.positive("client-threads", 1), SourceAddresses.forSockets(clients + standing))) {
            if (ownTickets) {
                target.ticketPerClient(clients + standing);
            }
            AtomicLong killedAt = new AtomicLong();
            Lifecycle lifecycle = new Lifecycle() {
                @Override
                public void upgraded(Receiver receiver) {
                    if (killedAt.get() != 0) {
                        receiver.reopened(sender.sent(), System.nanoTime());
                    }
                }

                @Override
                public void closed(Receiver receiver) {
                    if (killedAt.get() != 0 && reconnects.incrementAndGet() <= maxReconnects) {
                        sockets.reopen(node2, receiver, backoff, r -> target.session(r, tally, this));
                    }
                }
            };
            List<Receiver> receivers = Fleet.open(sockets, target.socketUri(), clients, tally, r -> target.session(r, tally, lifecycle),
                    Duration.ofMinutes(5));
            List<Receiver> standers = Fleet.open(sockets, node2, standing, tally, r -> target.session(r, tally, Lifecycle.ONCE),
                    Duration.ofMinutes(5));
            System.out.printf("%d clients subscribed on node 1, %d standing on node 2, %s%n", clients, standing,
                    ownTickets ? "each with a ticket of its own" : "all with one ticket");
            CompletableFuture.delayedExecutor(seconds.toMillis() / 3, TimeUnit.MILLISECONDS).execute(() -> {
                killedAt.set(System.nanoTime());
                target.server().kill();
            });
            long sent = sender.run(rate, seconds, 0, target.injector()::send);
            Fleet.settle(() -> receivers.stream().allMatch(r -> r.reopened() && r.resumedAfterNanos() >= 0
                    && r.gaps(sent) == 0) && standers.stream().allMatch(r -> r.gaps(sent) == 0), DRAIN);

            Histogram resumed = new Histogram(3);
            Histogram[] steps = {new Histogram(3), new Histogram(3), new Histogram(3), new Histogram(3), new Histogram(3)};
            long lastResumed = 0;
            int reopened = 0;
            for (Receiver receiver : receivers) {
                if (receiver.reopened()) {
                    reopened++;
                }
                long[] took = receiver.resumeSteps();
                for (int i = 0; i < took.length; i++) {
                    steps[i].recordValue(took[i] / 1_000);
                }
                if (receiver.resumedAfterNanos() >= 0) {
                    resumed.recordValue(receiver.resumedAfterNanos() / 1_000);
                    lastResumed = Math.max(lastResumed, receiver.resumedAtNanos() - killedAt.get());
                }
            }
            long gaps = receivers.stream().mapToLong(r -> r.gaps(sent)).sum();
            long standingGaps = standers.stream().mapToLong(r -> r.gaps(sent)).sum();
            figures.figure("reconnected", reopened, String.format("%d of %d clients reconnected to node 2 (%d reconnect attempts), %d resumed",
                    reopened, clients, reconnects.get(), resumed.getTotalCount()));
            figures.figure("last_resumed_after_kill_ms", lastResumed / 1_000_000,
                    String.format("every resumed client had every event %d ms after the kill", lastResumed / 1_000_000));
            figures.figure("repeats", tally.repeats(), String.format("repeated deliveries (dropped by event id, none shown): %d", tally.repeats()));
            figures.failures(tally);
            figures.figure("standing_gaps", standingGaps, String.format("events the standing clients on node 2 never received: %d", standingGaps));
            figures.figure("gaps", gaps, String.format("events never received, over %d events x %d clients: %d", sent, clients, gaps));
            figures.latencies("step_close_to_connect", steps[0], "  step: from the close to the reconnect (the client's backoff)");
            figures.latencies("step_connect_to_upgrade", steps[1], "  step: from the reconnect to the new socket's upgrade");
            figures.latencies("step_upgrade_to_ready", steps[2], "  step: from the upgrade to ready (auth)");
            figures.latencies("step_ready_to_subscribed", steps[3], "  step: from ready to subscribed");
            figures.latencies("step_subscribed_to_resumed", steps[4], "  step: from subscribed to every event");
            figures.latencies("resume_after_reconnect", resumed, "resumed with no gap, after the client's reconnect");
        }
    }
}
