package dev.zendo.conversations.widget;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lookups that callers of one key share while one is running: a caller that finds a lookup of its key under way waits
 * for that one's answer instead of starting another. Only for answers that may be as old as the moment the running
 * lookup started.
 */
final class InFlight<K, V> {

    /** The lookup itself, run on the thread of the caller that found none running. */
    interface Lookup<V> {
        V run() throws Exception;
    }

    private final Map<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();

    /**
     * The answer of the lookup running for the key, or of {@code lookup} run now when none is. Every caller of a
     * lookup that failed gets an {@link ExecutionException} whose cause is the failure (or, when the lookup itself threw
     * an {@code ExecutionException}, that one's cause). A caller waits at most {@code timeout} for another's lookup.
     */
    V get(K key, Lookup<V> lookup, Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> other = running.putIfAbsent(key, mine);
        if (other != null) {
            return other.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        try {
            mine.complete(lookup.run());
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            mine.completeExceptionally(e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e);
        } finally {
            running.remove(key, mine);
        }
        return mine.get();
    }
}
