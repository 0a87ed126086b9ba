package dev.zendo.realtimeedge.typing;

import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ActorKind;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets through at most one typing signal per interval for each conversation and sender; a change of state (start to
 * stop or back) always passes. Senders are forgotten once their last signal is older than the interval, so memory
 * holds only the last interval's senders, and never more than {@code max-senders}.
 */
@Singleton
class TypingThrottle {

    private final Clock clock;
    private final long intervalMillis;
    private final int maxSenders;
    private final ConcurrentHashMap<Sender, Signal> lastPassed = new ConcurrentHashMap<>();
    private final AtomicLong nextPurge = new AtomicLong();

    TypingThrottle(TypingSettings settings, Clock clock) {
        this.clock = clock;
        this.intervalMillis = settings.interval().toMillis();
        this.maxSenders = settings.maxSenders();
    }

    /** Whether {@code sender}'s signal ({@code typing} or not) in the conversation goes out now. */
    boolean admit(UUID conversationId, Actor sender, boolean typing) {
        long now = clock.instant().toEpochMilli(); // not clock.millis(): JDK 17's microsecond tick clock divides by zero there
        purgeWhenDue(now);
        Sender key = new Sender(conversationId, sender.getKind(), sender.getId());
        if (lastPassed.size() >= maxSenders && !lastPassed.containsKey(key)) {
            return false;
        }
        Signal signal = new Signal(typing, now);
        return lastPassed.compute(key, (ignored, last) -> passes(last, signal) ? signal : last) == signal;
    }

    private boolean passes(Signal last, Signal next) {
        return last == null || last.typing() != next.typing() || next.at() - last.at() >= intervalMillis;
    }

    private void purgeWhenDue(long now) {
        long due = nextPurge.get();
        if (now >= due && nextPurge.compareAndSet(due, now + intervalMillis)) {
            lastPassed.values().removeIf(signal -> now - signal.at() >= intervalMillis);
        }
    }

    private record Sender(UUID conversationId, ActorKind kind, String id) {
    }

    private record Signal(boolean typing, long at) {
    }
}
