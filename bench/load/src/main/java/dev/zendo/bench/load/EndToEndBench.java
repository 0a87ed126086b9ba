package dev.zendo.bench.load;

import dev.zendo.bench.http.HttpConnections;
import org.HdrHistogram.Recorder;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Scenario 1: visitors post messages through the gateway ({@code POST /v1/widget/messages}) at a fixed rate; one agent
 * socket, also through the gateway, receives them as {@code message:new}. Latency from each message's intended send
 * time to the agent's frame; the REST answer's latency beside it. At most 64 requests in flight, each on a keep-alive
 * connection of its own: a request due while all are busy waits, and its wait counts. With {@code --stack-pids}, the
 * CPU each process of the stack spent per message (see {@link StackCpu}). When the agent's socket closes (the edge closes
 * it 4408 when the generator reads too slowly on saturated cores), it reconnects as the dashboard does, after its
 * backoff and with its last cursor, and the messages it missed arrive replayed, each timed from its intended send time.
 */
final class EndToEndBench {

    private static final int IN_FLIGHT = 64;
    private static final Duration REST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DRAIN = Duration.ofSeconds(15);

    private EndToEndBench() {
    }

    static void run(Options options, Figures figures) throws Exception {
        URI gateway = options.uri("gateway");
        int rate = options.positive("rate", 500);
        Duration seconds = options.seconds("seconds", 60);
        Duration warmup = options.seconds("warmup-seconds", 10);
        int visitors = options.positive("visitors", 50);
        figures.setting("rate_per_second", rate);
        figures.setting("seconds", seconds.toSeconds());
        figures.setting("warmup_seconds", warmup.toSeconds());
        figures.setting("visitors", visitors);
        figures.setting("max_requests_in_flight", IN_FLIGHT);

        StackCpu cpu = StackCpu.of(options);
        ZendoApi api = new ZendoApi(gateway);
        ZendoTarget.Setup setup = ZendoTarget.Setup.of(api, warmup.plus(seconds).toSeconds() + 600);
        List<String> tokens = new ArrayList<>(visitors);
        for (int i = 0; i < visitors; i++) {
            tokens.add(api.visitor(setup.publicKey(), Duration.ofSeconds(30)));
        }
        Tally tally = new Tally();
        Recorder answers = new Recorder(3);
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        URI socket = URI.create("ws://" + gateway.getAuthority() + "/ws");
        try (Sockets sockets = new Sockets(1, new SourceAddresses(1)); HttpConnections connections = new HttpConnections(gateway, REST_TIMEOUT);
             AgentSocket agent = new AgentSocket(sockets, socket, tally, setup)) {
            Fleet.open(sockets, socket, 1, tally, agent::session, Duration.ofSeconds(30));
            FixedRate sender = new FixedRate();
            Consumer<Payload> send = payload -> {
                inFlight.acquireUninterruptibly();
                ZendoApi.message(connections, tokens.get((int) (payload.index() % visitors)), payload.text()).whenComplete((answer, error) -> {
                    inFlight.release();
                    if (error != null) {
                        tally.fail(error.getClass().getSimpleName(), String.valueOf(error.getMessage()));
                    } else if (answer.status() / 100 != 2) {
                        tally.fail("HTTP " + answer.status(), answer.body());
                    } else {
                        answers.recordValue(Math.max(0, (System.nanoTime() - payload.intendedNanos()) / 1_000));
                    }
                });
            };
            long next = sender.run(rate, warmup, 0, send);
            Fleet.settle(() -> tally.deliveries() >= next, DRAIN);
            tally.takeAges();
            answers.reset();
            long before = tally.deliveries();
            int reconnectsBefore = agent.reconnects();
            Map<String, Double> cpuBefore = cpu.seconds();
            long started = System.nanoTime();
            long end = sender.run(rate, seconds, next, send);
            Fleet.settle(() -> tally.deliveries() - before >= end - next, DRAIN);
            Map<String, Double> cpuAfter = cpu.seconds();
            double wallSeconds = (System.nanoTime() - started) / 1e9;

            figures.figure("messages", end - next, String.format("messages: %d sent, %d reached the agent, %d repeated, %d other events",
                    end - next, tally.deliveries() - before, tally.repeats(), tally.otherEvents()));
            figures.latencies("rest_answer", answers.getIntervalHistogram(), "REST answer (201), from the intended send time");
            figures.failures(tally);
            int reconnects = agent.reconnects() - reconnectsBefore;
            figures.figure("agent_reconnects", reconnects, String.format("the agent's socket reconnected %d times in the measured run"
                    + " (%d in the warm-up)", reconnects, reconnectsBefore));
            StackCpu.report(cpuBefore, cpuAfter, end - next, "message", wallSeconds, figures);
            figures.latencies("end_to_end", tally.takeAges(), "end to end, visitor REST send to the agent's WebSocket frame");
        }
    }

    /** The agent's one socket, reopened as the dashboard reopens it whenever it closes, until the run ends. */
    private static final class AgentSocket implements Lifecycle, AutoCloseable {

        private final Sockets sockets;
        private final URI uri;
        private final Tally tally;
        private final ZendoTarget.Setup setup;
        private final AtomicInteger reconnects = new AtomicInteger();
        private volatile boolean stopped;

        AgentSocket(Sockets sockets, URI uri, Tally tally, ZendoTarget.Setup setup) {
            this.sockets = sockets;
            this.uri = uri;
            this.tally = tally;
            this.setup = setup;
        }

        ZendoSession session(Receiver receiver) {
            return new ZendoSession(receiver, tally, this, setup.ticket(), setup.websiteId());
        }

        @Override
        public void upgraded(Receiver receiver) {
        }

        @Override
        public void closed(Receiver receiver) {
            if (stopped) {
                return;
            }
            reconnects.incrementAndGet();
            sockets.reopen(uri, receiver, Backoff.DASHBOARD_MILLIS, this::session);
        }

        int reconnects() {
            return reconnects.get();
        }

        @Override
        public void close() {
            stopped = true;
        }
    }
}
