package dev.zendo.realtimeedge.fanout;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Resume cursors (docs/protocol.md, "Cursor"): base64url without padding of {@code v1:<p>=<offset>,…} over every
 * partition of a website's topic in partition order, each offset the next one to read.
 */
public final class Cursor {

    private static final String VERSION = "v1:";

    private Cursor() {
    }

    /** The cursor of these next offsets, partition 0 first. */
    public static String encode(long[] next) {
        StringBuilder text = new StringBuilder(VERSION);
        for (int p = 0; p < next.length; p++) {
            if (p > 0) {
                text.append(',');
            }
            text.append(p).append('=').append(next[p]);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** The next offsets a cursor names, when it is well formed and names exactly partitions 0 to {@code partitions - 1}. */
    public static Optional<long[]> decode(String cursor, int partitions) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!text.startsWith(VERSION)) {
            return Optional.empty();
        }
        String[] entries = text.substring(VERSION.length()).split(",", -1);
        if (entries.length != partitions) {
            return Optional.empty();
        }
        long[] next = new long[partitions];
        for (int p = 0; p < partitions; p++) {
            String[] entry = entries[p].split("=", -1);
            if (entry.length != 2 || !entry[0].equals(Integer.toString(p))) {
                return Optional.empty();
            }
            try {
                next[p] = Long.parseLong(entry[1]);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (next[p] < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(next);
    }
}
