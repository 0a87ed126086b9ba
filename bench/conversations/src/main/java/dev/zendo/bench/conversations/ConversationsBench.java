package dev.zendo.bench.conversations;

import dev.zendo.bench.http.HttpConnections;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The conversations benchmark: one agent and website, many visitor sessions, then durable message writes through
 * {@code POST /v1/widget/messages}: a warm-up (a closed loop, so a cold service is never handed more than it
 * answers), the ceiling with a closed loop at each given concurrency, the returning visitors' session starts (one per
 * page view, {@code POST /v1/widget/session}) in a closed loop, a fixed rate at the throughput goal, and the
 * latency at a fixed rate; the outbox lag of each measured run comes from conversations' {@code /prometheus}, and
 * each figure gives the generator's own CPU per request. The load goes over {@link HttpConnections}; the setup calls
 * and the scrapes over the JDK's client. Prints each figure and writes them as Markdown to {@code --report}.
 * <pre>
 *   --visitors=500 --warmup-concurrency=16 --warmup-seconds=90 --ceiling-concurrency=16,64 --ceiling-seconds=30
 *   --page-view-concurrency=16 --page-view-seconds=20 --rate=1000 --seconds=60 --connections=64 --timeout-ms=10000
 * </pre>
 */
final class ConversationsBench {

    static final double LATENCY_GOAL_MS = 20;
    static final double THROUGHPUT_GOAL = 2000;


    private final Options options;
    private final BenchApi api;
    private final URI conversations;
    private final OutboxLag lag;
    private final Figures figures = new Figures();

    ConversationsBench(HttpClient client, Options options) {
        this.options = options;
        this.conversations = options.uri("conversations");
        this.api = new BenchApi(client, new BenchApi.Services(options.uri("identity"), options.uri("websites"), conversations));
        this.lag = new OutboxLag(client, conversations);
    }

    void run() throws Exception {
        Path report = Path.of(options.required("report"));
        int visitors = options.integer("visitors", 500);
        int connections = options.integer("connections", 64);
        Duration timeout = options.millis("timeout-ms", 10_000);

        FixedRate.Plan fixed = new FixedRate.Plan(options.integer("rate", 1000), options.seconds("seconds", 60), connections);
        String agent = api.signUp("bench-" + UUID.randomUUID() + "@example.com", "bench-password-" + UUID.randomUUID());
        String publicKey = api.createWebsite(agent, "Bench " + System.currentTimeMillis()).publicKey();
        Duration keyUsable = api.awaitKey(publicKey, Duration.ofSeconds(60));
        figures.add("New website's key accepted by conversations after", "", String.format(Locale.ROOT, "%d ms", keyUsable.toMillis()));

        long sessionsStart = System.nanoTime();
        List<String> tokens = api.visitors(publicKey, visitors);
        progress("%d visitor sessions opened in %d ms", visitors, Duration.ofNanos(System.nanoTime() - sessionsStart).toMillis());
        Supplier<HttpConnections.Request> messages = () -> api.message(tokens);
        Supplier<HttpConnections.Request> pageViews = () -> api.pageView(publicKey, tokens);
        try (HttpConnections load = new HttpConnections(conversations, timeout)) {
            measure(load, messages, pageViews, fixed, report);
        }
    }

    private void measure(HttpConnections load, Supplier<HttpConnections.Request> messages, Supplier<HttpConnections.Request> pageViews,
            FixedRate.Plan fixed, Path report) throws Exception {
        int warmupConcurrency = options.integer("warmup-concurrency", 16);
        Duration warmup = options.seconds("warmup-seconds", 90);
        progress("warm-up: closed loop, %d in flight for %d s", warmupConcurrency, warmup.toSeconds());
        progress("warm-up: %s", new ClosedLoop(load, warmupConcurrency, warmup, messages, BenchApi.MESSAGE_CREATED).run().summary());

        Duration ceilingTime = options.seconds("ceiling-seconds", 30);
        String throughputGoal = String.format("≥ %,.0f messages/s", THROUGHPUT_GOAL);
        for (int concurrency : options.integers("ceiling-concurrency", "16,64")) {
            progress("closed loop, %d in flight for %d s", concurrency, ceilingTime.toSeconds());
            OutboxLag.Measured<Outcome> ceiling = lag.during(() -> new ClosedLoop(load, concurrency, ceilingTime, messages,
                    BenchApi.MESSAGE_CREATED).run());
            Outcome outcome = ceiling.result();
            figures.add(String.format("Durable message writes, closed loop, %d in flight, %d s", concurrency, ceilingTime.toSeconds()), throughputGoal,
                    String.format(Locale.ROOT, "**%.0f messages/s** (%d written, failures: %s; latency p50 %.1f ms, p99 %.1f ms; "
                                    + "the generator's CPU %.2f ms per request)", outcome.throughput(), outcome.ok(), outcome.failureSummary(),
                            outcome.millisAt(50), outcome.millisAt(99), outcome.cpuMillisPerRequest()));
            figures.lag(String.format("closed loop, %d in flight", concurrency), ceiling.lag(), "");
            figures.failures(outcome);
        }

        int viewers = options.integer("page-view-concurrency", 16);
        Duration viewTime = options.seconds("page-view-seconds", 20);
        progress("page views: session starts of returning visitors, closed loop, %d in flight for %d s unmeasured, then %d s", viewers,
                viewTime.toSeconds(), viewTime.toSeconds());
        new ClosedLoop(load, viewers, viewTime, pageViews, BenchApi.SESSION_STARTED).run();
        Outcome views = new ClosedLoop(load, viewers, viewTime, pageViews, BenchApi.SESSION_STARTED).run();
        figures.add(String.format("Widget session starts of returning visitors (one per page view), closed loop, %d in flight, %d s", viewers,
                        viewTime.toSeconds()), "",
                String.format(Locale.ROOT, "**%.0f sessions/s** (%d started, failures: %s; latency p50 %.1f ms, p99 %.1f ms; "
                                + "the generator's CPU %.2f ms per request)", views.throughput(), views.ok(), views.failureSummary(),
                        views.millisAt(50), views.millisAt(99), views.cpuMillisPerRequest()));
        figures.failures(views);

        FixedRate.Plan atGoal = new FixedRate.Plan(THROUGHPUT_GOAL, ceilingTime, fixed.connections());
        progress("fixed rate %.0f messages/s for %d s", atGoal.rate(), atGoal.duration().toSeconds());
        OutboxLag.Measured<Outcome> sustained = lag.during(() -> new FixedRate(load, atGoal, messages, BenchApi.MESSAGE_CREATED).run());
        figures.fixedRate(String.format("Durable message writes at a fixed %,.0f messages/s, %d s (open model)", atGoal.rate(),
                atGoal.duration().toSeconds()), throughputGoal, sustained.result());
        figures.lag(String.format("fixed %.0f messages/s", atGoal.rate()), sustained.lag(), "");

        progress("fixed rate %.0f messages/s for %d s, at most %d connections", fixed.rate(), fixed.duration().toSeconds(), fixed.connections());
        OutboxLag.Measured<Outcome> steady = lag.during(() -> new FixedRate(load, fixed, messages, BenchApi.MESSAGE_CREATED).run());
        figures.fixedRate(String.format("API latency at a fixed %.0f messages/s, %d s (open model, from the intended send time)", fixed.rate(),
                fixed.duration().toSeconds()), String.format("p99 ≤ %.0f ms", LATENCY_GOAL_MS), steady.result());
        figures.lag(String.format("fixed %.0f messages/s", fixed.rate()), steady.lag(), String.format("p99 ≤ %.0f ms", Figures.LAG_GOAL_MS));

        figures.write(report);
    }

    static void progress(String format, Object... args) {
        System.err.printf("[bench] " + format + "%n", args);
    }
}
