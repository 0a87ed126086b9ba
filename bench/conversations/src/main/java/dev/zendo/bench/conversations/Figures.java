package dev.zendo.bench.conversations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A benchmark's figures: printed as they come, then written as a Markdown table with the failures seen. */
final class Figures {

    static final double LAG_GOAL_MS = 10;

    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(String what, String goal, String measured) {
        System.out.println(what + ": " + measured.replace("**", "") + (goal.isEmpty() ? "" : " (goal " + goal + ")"));
        rows.add("| " + what + " | " + goal + " | " + measured + " |");
    }

    /** A fixed-rate run: what got written per second, the failures, and the latency percentiles. */
    void fixedRate(String what, String goal, Outcome outcome) {
        add(what, goal, String.format(Locale.ROOT, "**%.0f/s** written of %d sent (failures: %s); latency p50 %.2f ms, **p99 %.2f ms**, "
                        + "p99.9 %.2f ms, max %.2f ms; most waiting for a connection: %d; the generator's CPU %.2f ms per request",
                outcome.throughput(), outcome.sent(), outcome.failureSummary(), outcome.millisAt(50), outcome.millisAt(99),
                outcome.millisAt(99.9), outcome.maxMillis(), outcome.maxQueued(), outcome.cpuMillisPerRequest()));
        failures(outcome);
    }

    void lag(String during, PrometheusHistogram lag, String goal) {
        String measured = lag.count() == 0
                ? "nothing recorded (is `" + OutboxLag.HISTOGRAM + "` exposed?)"
                : String.format(Locale.ROOT, "p50 %.2f ms, **p99 %.2f ms** (%d events; %.2f%% within %.0f ms)",
                        lag.quantileMillis(0.5), lag.quantileMillis(0.99), lag.count(), 100 * lag.shareAtMostMillis(LAG_GOAL_MS), LAG_GOAL_MS);
        add("Outbox lag, commit to Kafka ack, during the " + during, goal, measured);
    }

    void failures(Outcome outcome) {
        outcome.samples().forEach((kind, sample) -> notes.add("- " + kind + " (x" + outcome.failures().get(kind) + "): `"
                + sample.replace('`', '\'').replace('\n', ' ') + "`"));
    }

    void write(Path report) throws IOException {
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
}
