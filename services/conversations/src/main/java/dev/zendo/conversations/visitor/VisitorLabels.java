package dev.zendo.conversations.visitor;

import dev.zendo.platform.crypto.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Readable names for visitors, derived from their ids alone ("Brave Otter 42"), so agents, logs and every service
 * name one anonymous visitor the same way. The words are picked with jump consistent hashing (Lamping and Veach):
 * appending words to a list only renames the share of ids the new words take, so the lists are append-only.
 */
public final class VisitorLabels {

    private static final List<String> ADJECTIVES = words("adjectives.txt");
    private static final List<String> ANIMALS = words("animals.txt");

    private VisitorLabels() {
    }

    /**
     * The label of {@code visitorId}: from the SHA-256 of its lowercase text form, read as three big-endian longs,
     * an adjective, an animal and a number from 10 to 99.
     */
    public static String of(UUID visitorId) {
        ByteBuffer digest = ByteBuffer.wrap(Sha256.of(visitorId.toString()));
        String adjective = ADJECTIVES.get(jump(digest.getLong(), ADJECTIVES.size()));
        String animal = ANIMALS.get(jump(digest.getLong(), ANIMALS.size()));
        return adjective + " " + animal + " " + (10 + Math.floorMod(digest.getLong(), 90));
    }

    private static int jump(long key, int buckets) {
        long bucket = -1;
        long next = 0;
        while (next < buckets) {
            bucket = next;
            key = key * 2862933555777941757L + 1;
            next = (long) ((bucket + 1) * ((double) (1L << 31) / (double) ((key >>> 33) + 1)));
        }
        return (int) bucket;
    }

    private static List<String> words(String resource) {
        try (InputStream in = VisitorLabels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing word list " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
