package dev.zendo.bench.load;

import java.util.BitSet;

/**
 * One logical client across its sockets (a reconnect opens a new socket for the same receiver): which injected events
 * it received, how far it received all of them without a gap, its last cursor, and when it resumed after a reconnect.
 */
final class Receiver {

    private final BitSet seen = new BitSet();
    private final Tally tally;
    private long contiguous;
    private String cursor;
    private long resumeTarget = -1;
    private long resumeOpenedNanos;
    private long resumedAfterNanos = -1;
    private long lostNanos = -1;
    private boolean lossPending;
    private long readyNanos = -1;
    private long subscribedNanos = -1;
    private long connectingNanos = -1;
    private int attempts;

    Receiver(Tally tally) {
        this.tally = tally;
    }

    synchronized void delivered(Payload payload, long receivedNanos) {
        int index = Math.toIntExact(payload.index());
        if (seen.get(index)) {
            tally.repeated();
            return;
        }
        seen.set(index);
        tally.delivered(receivedNanos - payload.intendedNanos());
        while (seen.get((int) contiguous)) {
            contiguous++;
        }
        if (resumeTarget >= 0 && resumedAfterNanos < 0 && contiguous >= resumeTarget) {
            resumedAfterNanos = receivedNanos - resumeOpenedNanos;
        }
    }

    synchronized void cursor(String latest) {
        if (latest != null && !latest.isEmpty()) {
            cursor = latest;
        }
    }

    synchronized String cursor() {
        return cursor;
    }

    /** Its socket closed (or a new one could not connect) at {@code nanos}; the first loss since its last reopen counts. */
    synchronized void lost(long nanos) {
        if (!lossPending) {
            lostNanos = nanos;
            lossPending = true;
        }
    }

    /** The number of this reconnect attempt since the receiver was last subscribed, from 0. */
    synchronized int nextAttempt() {
        return attempts++;
    }

    /** A reconnect attempt starts connecting a new socket at {@code nanos}. */
    synchronized void connecting(long nanos) {
        connectingNanos = nanos;
    }

    /** A new socket of this receiver was upgraded when {@code injected} events had been sent. */
    synchronized void reopened(long injected, long openedNanos) {
        resumeOpenedNanos = openedNanos;
        resumeTarget = injected;
        resumedAfterNanos = contiguous >= injected ? 0 : -1;
        readyNanos = -1;
        subscribedNanos = -1;
        lossPending = false;
    }

    /** The server answered {@code auth} (or its protocol's equivalent) on the current socket. */
    synchronized void ready(long nanos) {
        if (readyNanos < 0) {
            readyNanos = nanos;
        }
    }

    /** The server confirmed the subscription on the current socket. */
    synchronized void subscribed(long nanos) {
        if (subscribedNanos < 0) {
            subscribedNanos = nanos;
        }
        attempts = 0;
    }

    /**
     * The steps of its last resume, in nanoseconds: from the close to the last reconnect attempt's start (the client's
     * backoff), from that to the new socket's upgrade, from the upgrade to {@code ready}, from {@code ready} to
     * {@code subscribed}, and from {@code subscribed} to holding every event; empty when it has not resumed or a step
     * was not seen.
     */
    synchronized long[] resumeSteps() {
        if (resumedAfterNanos < 0 || lostNanos < 0 || connectingNanos < 0 || readyNanos < 0 || subscribedNanos < 0) {
            return new long[0];
        }
        long resumed = resumeOpenedNanos + resumedAfterNanos;
        return new long[] {connectingNanos - lostNanos, resumeOpenedNanos - connectingNanos, readyNanos - resumeOpenedNanos,
                subscribedNanos - readyNanos, Math.max(0, resumed - subscribedNanos)};
    }

    /** How long after its new socket opened the receiver had every event sent before that; -1: not (yet). */
    synchronized long resumedAfterNanos() {
        return resumedAfterNanos;
    }

    /** When it resumed ({@code System.nanoTime()}); meaningful once {@link #resumedAfterNanos()} is not -1. */
    synchronized long resumedAtNanos() {
        return resumeOpenedNanos + resumedAfterNanos;
    }

    synchronized boolean reopened() {
        return resumeTarget >= 0;
    }

    /** Events among the first {@code injected} this receiver never got. */
    synchronized long gaps(long injected) {
        return injected - seen.get(0, Math.toIntExact(injected)).cardinality();
    }
}
