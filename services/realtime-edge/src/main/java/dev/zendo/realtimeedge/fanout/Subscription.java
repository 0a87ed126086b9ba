package dev.zendo.realtimeedge.fanout;

import dev.zendo.realtimeedge.connection.Connection;

import java.util.Arrays;

/**
 * One connection's subscription to one website: per partition the next offset it still needs ({@code next}; records
 * below are skipped for it, so seeking the shared consumer back for a returning subscriber re-delivers nothing to live
 * ones) and where its live stream began ({@code liveFrom}; ephemeral events below it are not replayed; null for a
 * subscription that started live, which never reads below it). Site feed thread only.
 */
final class Subscription {

    final Connection connection;
    final Site site;
    final long[] next;
    final long[] liveFrom;
    int index;
    boolean paused;
    /** Resumed from a cursor and not yet live with a drained buffer: pauses instead of being closed as too slow. */
    boolean catchingUp;

    Subscription(Connection connection, Site site, long[] next, long[] liveFrom) {
        this.connection = connection;
        this.site = site;
        this.next = next;
        this.liveFrom = Arrays.equals(next, liveFrom) ? null : liveFrom;
        this.catchingUp = this.liveFrom != null;
    }

    /** Whether the record at {@code offset} of partition {@code partition} is replayed to this subscription (not live). */
    boolean replays(int partition, long offset) {
        return liveFrom != null && offset < liveFrom[partition];
    }
}
