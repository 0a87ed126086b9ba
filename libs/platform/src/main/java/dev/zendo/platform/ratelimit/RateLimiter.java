package dev.zendo.platform.ratelimit;

/** Counts requests per key against a {@link RateLimit}, atomically across every instance of a service. */
public interface RateLimiter {

    /**
     * Takes one permit of {@code limit} for {@code key}.
     *
     * @throws RetryLaterException 429 with the time until the next permit when none is left
     */
    void acquire(RateLimit limit, String key);

    /** Gives back a permit taken by {@link #acquire}, when what it guarded should not count (a correct password). */
    void release(RateLimit limit, String key);

    /** Forgets what {@code key} used of {@code limit}: it starts with every permit again. */
    void reset(RateLimit limit, String key);
}
