package dev.zendo.bench.conversations;

import dev.zendo.bench.http.HttpConnections;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static dev.zendo.bench.conversations.ConversationsBench.progress;

/**
 * A stand-in for the outbox lag while conversations has no widget API: durable website renames through websites'
 * {@code PATCH /v1/websites/{id}} (one row update and one outbox event each, spread over several websites) at a fixed
 * rate, with websites' own {@code zendo_outbox_lag_seconds}.
 * <pre>
 *   --websites-count=8 --warmup-seconds=20 --rate=200 --seconds=60 --connections=64 --timeout-ms=10000
 * </pre>
 */
final class WebsitesBench {

    private static final int OK = 200;
    private static final double WARMUP_RATE = 100;

    private final Options options;
    private final BenchApi api;
    private final OutboxLag lag;
    private final Figures figures = new Figures();

    WebsitesBench(HttpClient client, Options options) {
        this.options = options;
        this.api = new BenchApi(client, new BenchApi.Services(options.uri("identity"), options.uri("websites"), options.uri("conversations")));
        this.lag = new OutboxLag(client, options.uri("websites"));
    }

    void run() throws Exception {
        Path report = Path.of(options.required("report"));
        int connections = options.integer("connections", 64);
        Duration timeout = options.millis("timeout-ms", 10_000);

        String agent = api.signUp("bench-" + UUID.randomUUID() + "@example.com", "bench-password-" + UUID.randomUUID());
        List<BenchApi.Website> websites = new ArrayList<>();
        for (int i = 0; i < options.integer("websites-count", 8); i++) {
            websites.add(api.createWebsite(agent, "Bench website " + i));
        }
        Supplier<HttpConnections.Request> renames = () -> api.rename(agent, websites);
        FixedRate.Plan warmup = new FixedRate.Plan(WARMUP_RATE, options.seconds("warmup-seconds", 20), connections);
        FixedRate.Plan fixed = new FixedRate.Plan(options.integer("rate", 200), options.seconds("seconds", 60), connections);
        try (HttpConnections load = new HttpConnections(options.uri("websites"), timeout)) {
            progress("warm-up at %.0f renames/s for %d s", warmup.rate(), warmup.duration().toSeconds());
            progress("warm-up: %s", new FixedRate(load, warmup, renames, OK).run().summary());

            progress("fixed rate %.0f renames/s for %d s over %d websites", fixed.rate(), fixed.duration().toSeconds(), websites.size());
            OutboxLag.Measured<Outcome> steady = lag.during(() -> new FixedRate(load, fixed, renames, OK).run());
            figures.fixedRate(String.format("Stand-in: websites' `PATCH /v1/websites/{id}` at a fixed %.0f/s over %d websites, %d s (open model)",
                    fixed.rate(), websites.size(), fixed.duration().toSeconds()), "", steady.result());
            figures.lag(String.format("fixed %.0f renames/s (websites' relay)", fixed.rate()), steady.lag(),
                    String.format("p99 ≤ %.0f ms", Figures.LAG_GOAL_MS));
        }
        figures.write(report);
    }
}
