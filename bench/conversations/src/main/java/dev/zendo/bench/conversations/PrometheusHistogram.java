package dev.zendo.bench.conversations;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cumulative buckets of one Prometheus histogram as a service's {@code /prometheus} endpoint shows them (summed
 * over label sets), so that two scrapes give the distribution of what was recorded between them.
 *
 * @param buckets each upper bound in seconds ({@code +Inf} as infinity) and the count of values at most that
 */
record PrometheusHistogram(NavigableMap<Double, Double> buckets) {

    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    /** The histogram {@code name} (e.g. {@code zendo_outbox_lag_seconds}) in a scraped exposition; empty when absent. */
    static PrometheusHistogram parse(String exposition, String name) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name + "_bucket") + "\\{([^}]*)}\\s+(\\S+)", Pattern.MULTILINE);
        NavigableMap<Double, Double> buckets = new TreeMap<>();
        Matcher matcher = line.matcher(exposition);
        while (matcher.find()) {
            Matcher le = LE.matcher(matcher.group(1));
            if (le.find()) {
                double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                buckets.merge(bound, Double.parseDouble(matcher.group(2)), Double::sum);
            }
        }
        return new PrometheusHistogram(buckets);
    }

    /** What was recorded after {@code earlier} was scraped. */
    PrometheusHistogram since(PrometheusHistogram earlier) {
        NavigableMap<Double, Double> delta = new TreeMap<>();
        buckets.forEach((bound, count) -> delta.put(bound, count - earlier.buckets.getOrDefault(bound, 0.0)));
        return new PrometheusHistogram(delta);
    }

    long count() {
        return buckets.isEmpty() ? 0 : Math.round(buckets.lastEntry().getValue());
    }

    /**
     * The {@code q}-quantile in milliseconds, interpolated linearly within its bucket as PromQL's
     * {@code histogram_quantile} does (so never finer than the bucket bounds); NaN when nothing was recorded.
     */
    double quantileMillis(double q) {
        double total = count();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lower = 0;
        double below = 0;
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return lower * 1000;
                }
                double inBucket = bucket.getValue() - below;
                double fraction = inBucket == 0 ? 1 : (rank - below) / inBucket;
                return (lower + (bucket.getKey() - lower) * fraction) * 1000;
            }
            lower = bucket.getKey();
            below = bucket.getValue();
        }
        return lower * 1000;
    }

    /** The share of recorded values at most {@code millis}, when that is one of the bucket bounds. */
    double shareAtMostMillis(double millis) {
        Double atBound = buckets.get(millis / 1000);
        return atBound == null || count() == 0 ? Double.NaN : atBound / count();
    }
}
