package dev.zendo.platform.ratelimit;

import dev.zendo.platform.http.ApiException;
import io.micronaut.http.HttpStatus;

import java.time.Duration;

/** A refusal the caller may retry after {@link #retryAfterSeconds()}: 429 when it asked too often, 503 when the service is busy. */
public class RetryLaterException extends ApiException {

    private final long retryAfterSeconds;

    private RetryLaterException(HttpStatus status, String code, String message, Duration retryAfter) {
        super(status, code, message);
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** 429: a rate limit is used up until {@code retryAfter} from now. */
    public static RetryLaterException tooManyRequests(Duration retryAfter) {
        return new RetryLaterException(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests", "Too many requests; try again later.", retryAfter);
    }

    /** 503: the service cannot take this work now; {@code retryAfter} is a hint. */
    public static RetryLaterException busy(Duration retryAfter) {
        return new RetryLaterException(HttpStatus.SERVICE_UNAVAILABLE, "busy", "The service is busy; try again shortly.", retryAfter);
    }

    /** Whole seconds to wait before retrying, at least one. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
