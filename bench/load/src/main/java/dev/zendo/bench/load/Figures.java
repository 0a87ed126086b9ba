package dev.zendo.bench.load;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A scenario's settings and figures: each figure printed on its own line as it is known, all written as one JSON object. */
final class Figures {

    private final String scenario;
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    Figures(String scenario) {
        this.scenario = scenario;
    }

    void setting(String name, Object value) {
        settings.put(name, value);
    }

    /** Records a figure and prints {@code line}. */
    void figure(String name, Object value, String line) {
        values.put(name, value);
        System.out.println(line);
    }

    /** p50, p99, p99.9 and the maximum of a histogram of microseconds, as milliseconds, under {@code name}. */
    void latencies(String name, Histogram micros, String what) {
        Map<String, Object> quantiles = new LinkedHashMap<>();
        quantiles.put("count", micros.getTotalCount());
        quantiles.put("p50_ms", millis(micros.getValueAtPercentile(50)));
        quantiles.put("p99_ms", millis(micros.getValueAtPercentile(99)));
        quantiles.put("p99_9_ms", millis(micros.getValueAtPercentile(99.9)));
        quantiles.put("max_ms", millis(micros.getMaxValue()));
        figure(name, quantiles, String.format("%s: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms (%d samples)", what,
                quantiles.get("p50_ms"), quantiles.get("p99_ms"), quantiles.get("p99_9_ms"), quantiles.get("max_ms"), micros.getTotalCount()));
    }

    void failures(Tally tally) {
        tally.failures().forEach((kind, detail) -> System.out.println("  failure " + kind + ": " + detail));
        values.put("failures", tally.failures());
    }

    void write(Path json) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", scenario);
        out.put("settings", settings);
        out.put("figures", values);
        Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), out);
    }

    private static double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
