package dev.zendo.bench.conversations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The conversations benchmark: a baseline (conversations' liveness at the fixed rate), one agent and website, many
 * visitor sessions, then durable message writes through
 * {@code POST /v1/widget/messages}: a warm-up, the ceiling with a closed loop at each given concurrency, a fixed rate
 * at the throughput goal, and the latency at a fixed rate; the outbox lag of each measured run comes from conversations' {@code /prometheus}.
 * Prints each figure and writes them as Markdown to {@code --report}.
 * <pre>
 *   --visitors=500 --warmup-rate=300 --warmup-seconds=20 --ceiling-concurrency=16,64 --ceiling-seconds=30
 *   --rate=1000 --seconds=60 --connections=64 --timeout-ms=10000
 * </pre>
 */
final class ConversationsBench {

    static final double LATENCY_GOAL_MS = 20;
    static final double LAG_GOAL_MS = 10;
    static final double THROUGHPUT_GOAL = 2000;

    private static final String LAG = "zendo_outbox_lag_seconds";
    private static final Duration BASELINE_WARMUP = Duration.ofSeconds(5);
    private static final Duration BASELINE = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final Duration RELAY_CATCH_UP = Duration.ofSeconds(60);

    private final HttpClient client;
    private final Options options;
    private final WidgetApi api;
    private final URI conversations;
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    ConversationsBench(HttpClient client, Options options) {
        this.client = client;
        this.options = options;
        this.conversations = options.uri("conversations");
        this.api = new WidgetApi(client, new WidgetApi.Services(options.uri("identity"), options.uri("websites"), conversations));
    }

    void run() throws Exception {
        Path report = Path.of(options.required("report"));
        int visitors = options.integer("visitors", 500);
        int connections = options.integer("connections", 64);
        Duration timeout = options.millis("timeout-ms", 10_000);

        FixedRate.Plan fixed = new FixedRate.Plan(options.integer("rate", 1000), options.seconds("seconds", 60), connections, timeout);
        baseline(fixed);

        String agent = api.signUp("bench-" + UUID.randomUUID() + "@example.com", "bench-password-" + UUID.randomUUID());
        String publicKey = api.createWebsite(agent, "Bench " + System.currentTimeMillis());
        Duration keyUsable = api.awaitKey(publicKey, Duration.ofSeconds(60));
        figure("New website's key accepted by conversations after", "", String.format(Locale.ROOT, "%d ms", keyUsable.toMillis()));

        long sessionsStart = System.nanoTime();
        List<String> tokens = api.visitors(publicKey, visitors);
        progress("%d visitor sessions opened in %d ms", visitors, Duration.ofNanos(System.nanoTime() - sessionsStart).toMillis());

        FixedRate.Plan warmup = new FixedRate.Plan(options.integer("warmup-rate", 300), options.seconds("warmup-seconds", 20), connections, timeout);
        progress("warm-up at %.0f messages/s for %d s", warmup.rate(), warmup.duration().toSeconds());
        Outcome warm = new FixedRate(client, warmup, () -> api.message(tokens), WidgetApi.MESSAGE_CREATED).run();
        progress("warm-up: %s", warm.summary());

        Duration ceilingTime = options.seconds("ceiling-seconds", 30);
        for (int concurrency : options.integers("ceiling-concurrency", "16,64")) {
            progress("closed loop, %d in flight for %d s", concurrency, ceilingTime.toSeconds());
            Measured<Outcome> ceiling = withLag(() -> new ClosedLoop(client, concurrency, ceilingTime, timeout,
                    () -> api.message(tokens), WidgetApi.MESSAGE_CREATED).run());
            Outcome outcome = ceiling.result();
            figure(String.format("Durable message writes, closed loop, %d in flight, %d s", concurrency, ceilingTime.toSeconds()),
                    String.format("≥ %,.0f messages/s", THROUGHPUT_GOAL),
                    String.format(Locale.ROOT, "**%.0f messages/s** (%d written, failures: %s; latency p50 %.1f ms, p99 %.1f ms)",
                            outcome.throughput(), outcome.ok(), outcome.failureSummary(), outcome.millisAt(50), outcome.millisAt(99)));
            lagFigure(String.format("closed loop, %d in flight", concurrency), ceiling.lag(), "");
            failures(outcome);
        }

        FixedRate.Plan atGoal = new FixedRate.Plan(THROUGHPUT_GOAL, ceilingTime, connections, timeout);
        progress("fixed rate %.0f messages/s for %d s", atGoal.rate(), atGoal.duration().toSeconds());
        Measured<Outcome> sustained = withLag(() -> new FixedRate(client, atGoal, () -> api.message(tokens), WidgetApi.MESSAGE_CREATED).run());
        figure(String.format("Durable message writes at a fixed %,.0f messages/s, %d s (open model)", atGoal.rate(), atGoal.duration().toSeconds()),
                String.format("≥ %,.0f messages/s", THROUGHPUT_GOAL), fixedRateResult(sustained.result()));
        lagFigure(String.format("fixed %.0f messages/s", atGoal.rate()), sustained.lag(), "");
        failures(sustained.result());

        progress("fixed rate %.0f messages/s for %d s, at most %d connections", fixed.rate(), fixed.duration().toSeconds(), fixed.connections());
        Measured<Outcome> steady = withLag(() -> new FixedRate(client, fixed, () -> api.message(tokens), WidgetApi.MESSAGE_CREATED).run());
        Outcome outcome = steady.result();
        figure(String.format("API latency at a fixed %.0f messages/s, %d s (open model, from the intended send time)", fixed.rate(), fixed.duration().toSeconds()),
                String.format("p99 ≤ %.0f ms", LATENCY_GOAL_MS),
                fixedRateResult(outcome));
        lagFigure(String.format("fixed %.0f messages/s", fixed.rate()), steady.lag(), String.format("p99 ≤ %.0f ms", LAG_GOAL_MS));
        failures(outcome);

        write(report);
    }

    /** What the generator and loopback HTTP alone cost: conversations' liveness at the same rate (after a few seconds of warm-up). */
    private void baseline(FixedRate.Plan fixed) throws InterruptedException {
        URI liveness = conversations.resolve("/health/liveness");
        Supplier<HttpRequest.Builder> probe = () -> HttpRequest.newBuilder(liveness).GET();
        new FixedRate(client, new FixedRate.Plan(fixed.rate(), BASELINE_WARMUP, fixed.connections(), fixed.timeout()), probe, 200).run();
        Outcome outcome = new FixedRate(client, new FixedRate.Plan(fixed.rate(), BASELINE, fixed.connections(), fixed.timeout()), probe, 200).run();
        figure(String.format("Baseline: `GET /health/liveness` at a fixed %.0f/s, %d s (the generator and loopback HTTP alone)", fixed.rate(), BASELINE.toSeconds()),
                "", String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms (%d ok, failures: %s)",
                        outcome.millisAt(50), outcome.millisAt(99), outcome.millisAt(99.9), outcome.maxMillis(), outcome.ok(), outcome.failureSummary()));
    }

    private static String fixedRateResult(Outcome outcome) {
        return String.format(Locale.ROOT, "**%.0f messages/s** written of %d sent (failures: %s); latency p50 %.2f ms, **p99 %.2f ms**, "
                        + "p99.9 %.2f ms, max %.2f ms; most waiting for a connection: %d",
                outcome.throughput(), outcome.sent(), outcome.failureSummary(), outcome.millisAt(50), outcome.millisAt(99),
                outcome.millisAt(99.9), outcome.maxMillis(), outcome.maxQueued());
    }

    /** A result and the outbox lag recorded while it was produced. */
    private record Measured<T>(T result, PrometheusHistogram lag) {
    }

    private <T> Measured<T> withLag(Callable<T> run) throws Exception {
        PrometheusHistogram before = PrometheusHistogram.parse(api.metrics(conversations), LAG);
        T result = run.call();
        return new Measured<>(result, relayCaughtUp().since(before));
    }

    /** The lag histogram once the relay has published what the run appended: no new events for a while. */
    private PrometheusHistogram relayCaughtUp() throws IOException, InterruptedException {
        PrometheusHistogram last = PrometheusHistogram.parse(api.metrics(conversations), LAG);
        long deadline = System.nanoTime() + RELAY_CATCH_UP.toNanos();
        while (System.nanoTime() - deadline < 0) {
            Thread.sleep(QUIET.toMillis());
            PrometheusHistogram now = PrometheusHistogram.parse(api.metrics(conversations), LAG);
            if (now.count() == last.count()) {
                return now;
            }
            last = now;
        }
        progress("the outbox relay was still publishing %s after the run", RELAY_CATCH_UP);
        return last;
    }

    private void lagFigure(String during, PrometheusHistogram lag, String goal) {
        String measured = lag.count() == 0
                ? "nothing recorded (is `" + LAG + "` exposed?)"
                : String.format(Locale.ROOT, "p50 %.2f ms, **p99 %.2f ms** (%d events; %.2f%% within %.0f ms)",
                        lag.quantileMillis(0.5), lag.quantileMillis(0.99), lag.count(), 100 * lag.shareAtMostMillis(LAG_GOAL_MS), LAG_GOAL_MS);
        figure("Outbox lag, commit to Kafka ack, during the " + during, goal, measured);
    }

    private void failures(Outcome outcome) {
        outcome.samples().forEach((kind, sample) -> notes.add("- " + kind + " (x" + outcome.failures().get(kind) + "): `"
                + sample.replace('`', '\'').replace('\n', ' ') + "`"));
    }

    private void figure(String what, String goal, String measured) {
        System.out.println(what + ": " + measured.replace("**", "") + (goal.isEmpty() ? "" : " (goal " + goal + ")"));
        rows.add("| " + what + " | " + goal + " | " + measured + " |");
    }

    private void write(Path report) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("| figure | goal | measured |");
        lines.add("| --- | --- | --- |");
        lines.addAll(rows);
        if (!notes.isEmpty()) {
            lines.add("");
            lines.add("Failures, one answer of each kind:");
            lines.add("");
            lines.addAll(notes);
        }
        Files.write(report, lines);
    }

    private static void progress(String format, Object... args) {
        System.err.printf("[bench] " + format + "%n", args);
    }
}
