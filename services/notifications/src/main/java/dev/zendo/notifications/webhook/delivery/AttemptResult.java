package dev.zendo.notifications.webhook.delivery;

import io.micronaut.core.annotation.Nullable;

/**
 * What one attempt to POST a delivery came to.
 *
 * @param statusCode      the receiver's HTTP status; null when no answer came
 * @param latencyMillis   from the start of the attempt to its answer or failure
 * @param responseExcerpt the first kilobyte of the answer's body, as text
 * @param error           why the attempt failed, when it did for a reason other than its status
 */
record AttemptResult(@Nullable Integer statusCode, long latencyMillis, @Nullable String responseExcerpt, @Nullable String error) {

    /** Whether the receiver took the event: a 2xx answer. */
    boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** A failure before any request was made. */
    static AttemptResult notSent(String error) {
        return new AttemptResult(null, 0, null, error);
    }
}
