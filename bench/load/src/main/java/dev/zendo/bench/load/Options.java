package dev.zendo.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The generator's {@code --name=value} arguments; a missing or malformed value fails at once, naming the option. */
record Options(Map<String, String> values) {

    static Options parse(String[] args, int from) {
        Map<String, String> values = new HashMap<>();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 3) {
                throw new IllegalArgumentException("expected --name=value, not " + arg);
            }
            values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return new Options(Map.copyOf(values));
    }

    String text(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** The value given, or an empty text. */
    String optional(String name) {
        return values.getOrDefault(name, "");
    }

    int positive(String name, int fallback) {
        return atLeast(name, fallback, 1, "a positive integer");
    }

    int nonNegative(String name, int fallback) {
        return atLeast(name, fallback, 0, "an integer of 0 or more");
    }

    private int atLeast(String name, int fallback, int least, String what) {
        String value = values.get(name);
        try {
            int parsed = value == null ? fallback : Integer.parseInt(value);
            if (parsed < least) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be " + what + ", not " + value);
        }
    }

    long pid(String name) {
        String value = text(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a process id, not " + value);
        }
    }

    Duration seconds(String name, int fallback) {
        return Duration.ofSeconds(positive(name, fallback));
    }

    URI uri(String name) {
        return URI.create(text(name));
    }
}
