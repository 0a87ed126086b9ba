package dev.zendo.bench.conversations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

/** A service's outbox lag ({@code zendo_outbox_lag_seconds}) recorded while a run writes through it. */
final class OutboxLag {

    static final String HISTOGRAM = "zendo_outbox_lag_seconds";

    private static final Duration QUIET = Duration.ofMillis(500);
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    /** A run's result and the lag of the events it appended. */
    record Measured<T>(T result, PrometheusHistogram lag) {
    }

    private final HttpClient client;
    private final URI metrics;

    OutboxLag(HttpClient client, URI service) {
        this.client = client;
        this.metrics = service.resolve("/prometheus");
    }

    /** Runs {@code run}, then waits until the relay has published what it appended (at most a minute). */
    <T> Measured<T> during(Callable<T> run) throws Exception {
        PrometheusHistogram before = scrape();
        T result = run.call();
        return new Measured<>(result, caughtUp().since(before));
    }

    /** The histogram once no new event has been published for a while. */
    private PrometheusHistogram caughtUp() throws IOException, InterruptedException {
        PrometheusHistogram last = scrape();
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (System.nanoTime() - deadline < 0) {
            Thread.sleep(QUIET.toMillis());
            PrometheusHistogram now = scrape();
            if (now.count() == last.count()) {
                return now;
            }
            last = now;
        }
        System.err.println("[bench] the outbox relay was still publishing " + CATCH_UP + " after the run");
        return last;
    }

    private PrometheusHistogram scrape() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(metrics).timeout(CALL_TIMEOUT).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + metrics + ": HTTP " + response.statusCode());
        }
        return PrometheusHistogram.parse(response.body(), HISTOGRAM);
    }
}
