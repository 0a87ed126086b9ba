package dev.zendo.notifications.routing;

import com.google.protobuf.Timestamp;
import dev.zendo.events.v1.Envelope;

import java.time.Instant;

/** Reads when the events notifications come from happened. */
public final class Sources {

    private Sources() {
    }

    /** When {@code event} happened; now for an event that does not say. */
    public static Instant occurredAt(Envelope event) {
        return event.hasOccurredAt() ? instant(event.getOccurredAt()) : Instant.now();
    }

    /** {@code timestamp} as an instant. */
    public static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
