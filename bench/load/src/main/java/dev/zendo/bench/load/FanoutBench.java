package dev.zendo.bench.load;

import java.time.Duration;

/**
 * Scenario 2 (and the peer's half of 4): N subscribed clients of one target, events injected at a fixed rate into
 * what it fans out from; deliveries per CPU-second of the server process over the measured run, and each event's age
 * at delivery from its intended send time. A warm-up at the same rate comes first and is not counted.
 */
final class FanoutBench {

    private static final Duration DRAIN = Duration.ofSeconds(15);

    private FanoutBench() {
    }

    static void run(Options options, Figures figures) throws Exception {
        int clients = options.positive("clients", 1000);
        int rate = options.positive("rate", 20);
        Duration seconds = options.seconds("seconds", 30);
        Duration warmup = options.seconds("warmup-seconds", 5);
        int threads = options.positive("client-threads", 1);
        Tally tally = new Tally();
        try (Target target = Target.of(options, warmup.plus(seconds).toSeconds() + 600);
             Sockets sockets = new Sockets(threads, SourceAddresses.forSockets(clients))) {
            figures.setting("target", target.name());
            figures.setting("clients", clients);
            figures.setting("rate_per_second", rate);
            figures.setting("seconds", seconds.toSeconds());
            figures.setting("warmup_seconds", warmup.toSeconds());
            figures.setting("client_threads", threads);
            Fleet.open(sockets, target.socketUri(), clients, tally, r -> target.session(r, tally, Lifecycle.ONCE), Duration.ofMinutes(5));
            System.out.printf("%s: %d clients subscribed%n", target.name(), clients);

            FixedRate sender = new FixedRate();
            long next = sender.run(rate, warmup, 0, target.injector()::send);
            long warmupDeliveries = (long) clients * next;
            Fleet.settle(() -> tally.deliveries() >= warmupDeliveries, DRAIN);
            tally.takeAges();
            long before = tally.deliveries();
            ServerProcess.CpuTime cpuBefore = target.server().cpu();
            long started = System.nanoTime();
            long end = sender.run(rate, seconds, next, target.injector()::send);
            long expected = (long) clients * (end - next);
            Fleet.settle(() -> tally.deliveries() - before >= expected, DRAIN);
            ServerProcess.CpuTime used = target.server().cpu().since(cpuBefore);
            double cpu = used.total();
            double wall = (System.nanoTime() - started) / 1e9;
            long deliveries = tally.deliveries() - before;

            figures.figure("deliveries", deliveries, String.format("deliveries: %d of %d expected (%d events x %d clients), %d repeated, %d injections failed",
                    deliveries, expected, end - next, clients, tally.repeats(), target.injector().failures()));
            figures.figure("server_cpu_seconds", cpu, String.format("server CPU: %.2f s over %.1f s (%.0f%% of one core): user %.2f s, system %.2f s",
                    cpu, wall, 100 * cpu / wall, used.user(), used.system()));
            figures.figure("server_system_cpu_seconds", used.system(), String.format("server CPU in the kernel: %.0f%%", 100 * used.system() / cpu));
            figures.latencies("event_age", tally.takeAges(), "event age at delivery (from the intended send time)");
            figures.failures(tally);
            long perCpuSecond = Math.round(deliveries / cpu);
            figures.figure("deliveries_per_cpu_second", perCpuSecond,
                    String.format("%s deliveries per server CPU-second: %d", target.name(), perCpuSecond));
        }
    }
}
