package dev.zendo.conversations.thread;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** Where a thread is in its life: waiting in the queue, with an agent, or ended (resolved or just closed). */
@Serdeable
public enum ThreadStatus {
    @JsonProperty("pending")
    PENDING,
    @JsonProperty("active")
    ACTIVE,
    @JsonProperty("resolved")
    RESOLVED,
    @JsonProperty("closed")
    CLOSED;

    /** Whether the thread is still going on (waiting or with an agent). */
    public boolean open() {
        return this == PENDING || this == ACTIVE;
    }

    /** The API spelling, as {@link JsonProperty} names it: lower case. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
