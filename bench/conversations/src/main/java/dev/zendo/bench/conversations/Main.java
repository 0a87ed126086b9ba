package dev.zendo.bench.conversations;

import dev.zendo.bench.http.HttpConnections;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;

/**
 * The load generator's entry point.
 * <pre>
 *   probe --url=URL [--rate=200] [--seconds=10] [--connections=8] [--timeout-ms=5000]
 *   conversations --identity=URL --websites=URL --conversations=URL --report=FILE [see ConversationsBench]
 *   websites --identity=URL --websites=URL --conversations=URL --report=FILE [see WebsitesBench]
 * </pre>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: probe|conversations|websites --name=value ...");
        }
        Options options = new Options(Arrays.asList(args).subList(1, args.length));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        switch (args[0]) {
            case "probe" -> probe(options);
            case "conversations" -> new ConversationsBench(client, options).run();
            case "websites" -> new WebsitesBench(client, options).run();
            default -> throw new IllegalArgumentException("unknown command " + args[0] + ": probe, conversations or websites");
        }
    }

    /** Fixed-rate GETs of one URL that answers 200: proves the generator against any running service. */
    private static void probe(Options options) throws InterruptedException {
        FixedRate.Plan plan = new FixedRate.Plan(options.integer("rate", 200), options.seconds("seconds", 10),
                options.integer("connections", 8));
        URI uri = options.uri("url");
        String path = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        Outcome outcome;
        try (HttpConnections connections = new HttpConnections(uri, options.millis("timeout-ms", 5000))) {
            outcome = new FixedRate(connections, plan, () -> HttpConnections.Request.get(path), 200).run();
        }
        System.out.printf("probe GET %s at %.0f/s for %d s over at most %d connections: %s%n",
                uri, plan.rate(), plan.duration().toSeconds(), plan.connections(), outcome.summary());
        outcome.samples().forEach((kind, sample) -> System.out.println("  " + kind + ": " + sample));
    }
}
