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
 * stop or back) always passes. A draft (sneak peek) that comes within the interval is held instead of dropped, the
 * latest replacing an earlier one, and goes out when the interval has passed ({@link #flush}) unless a stop came
 * first. Senders are forgotten once their last signal is older than the interval and nothing is held for them, so
 * memory holds only the last interval's senders, and never more than {@code max-senders}.
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

    /**
     * What happens to {@code sender}'s signal ({@code typing} or not, with {@code draft} when it carries one) in the
     * conversation: it goes out now, or its draft is held for a {@link #flush} after {@link Verdict#flushAfterMillis},
     * or it is dropped.
     */
    Verdict offer(UUID conversationId, Actor sender, boolean typing, String draft) {
        long now = clock.instant().toEpochMilli(); // not clock.millis(): JDK 17's microsecond tick clock divides by zero there
        purgeWhenDue(now);
        Sender key = new Sender(conversationId, sender.getKind(), sender.getId());
        if (lastPassed.size() >= maxSenders && !lastPassed.containsKey(key)) {
            return Verdict.DROPPED;
        }
        Verdict[] verdict = {Verdict.DROPPED};
        lastPassed.compute(key, (ignored, last) -> {
            if (last == null || last.typing() != typing || now - last.at() >= intervalMillis) {
                verdict[0] = Verdict.NOW;
                return new Signal(typing, now, null);
            }
            if (typing && draft != null) {
                verdict[0] = last.held() == null ? new Verdict(false, last.at() + intervalMillis - now) : Verdict.DROPPED;
                return new Signal(true, last.at(), draft);
            }
            return last;
        });
        return verdict[0];
    }

    /** The draft held for {@code sender} in the conversation, now going out (null when none is held any more). */
    String flush(UUID conversationId, Actor sender) {
        long now = clock.instant().toEpochMilli();
        String[] draft = {null};
        lastPassed.computeIfPresent(new Sender(conversationId, sender.getKind(), sender.getId()), (ignored, last) -> {
            if (last.held() == null) {
                return last;
            }
            draft[0] = last.held();
            return new Signal(true, now, null);
        });
        return draft[0];
    }

    private void purgeWhenDue(long now) {
        long due = nextPurge.get();
        if (now >= due && nextPurge.compareAndSet(due, now + intervalMillis)) {
            lastPassed.values().removeIf(signal -> signal.held() == null && now - signal.at() >= intervalMillis);
        }
    }

    /**
     * What to do with a signal.
     *
     * @param now              it goes out now
     * @param flushAfterMillis when not now and positive, its draft is held: flush after this many milliseconds
     */
    record Verdict(boolean now, long flushAfterMillis) {

        static final Verdict NOW = new Verdict(true, 0);
        static final Verdict DROPPED = new Verdict(false, 0);
    }

    private record Sender(UUID conversationId, ActorKind kind, String id) {
    }

    /** The last signal that went out (its state and time) and the draft held since, if any. */
    private record Signal(boolean typing, long at, String held) {
    }
}
