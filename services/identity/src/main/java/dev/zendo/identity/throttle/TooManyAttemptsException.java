package dev.zendo.identity.throttle;

import dev.zendo.platform.http.ApiException;
import io.micronaut.http.HttpStatus;

import java.time.Duration;

/** 429: too many failed password checks; the caller may try again after {@link #retryAfterSeconds()}. */
public class TooManyAttemptsException extends ApiException {

    private final long retryAfterSeconds;

    TooManyAttemptsException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests", "Too many failed attempts; try again later.");
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
