package dev.zendo.bench.conversations;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of the form {@code --name=value}, each read once with its default. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(List<String> args) {
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 3) {
                throw new IllegalArgumentException("options look like --name=value, not: " + arg);
            }
            values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    URI uri(String name) {
        return URI.create(required(name));
    }

    int integer(String name, int fallback) {
        return positive(name, values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback);
    }

    List<Integer> integers(String name, String fallback) {
        return Arrays.stream(text(name, fallback).split(",")).map(String::trim).map(Integer::parseInt)
                .map(value -> positive(name, value)).toList();
    }

    Duration seconds(String name, int fallback) {
        return Duration.ofSeconds(integer(name, fallback));
    }

    Duration millis(String name, int fallback) {
        return Duration.ofMillis(integer(name, fallback));
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be positive, not " + value);
        }
        return value;
    }
}
