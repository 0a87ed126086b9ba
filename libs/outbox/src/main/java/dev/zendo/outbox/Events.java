package dev.zendo.outbox;

import com.google.protobuf.Timestamp;
import dev.zendo.events.v1.Envelope;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Starts and finishes event envelopes, so no caller makes up event ids, times or type strings. */
public final class Events {

    private Events() {
    }

    /** A new envelope with a random event id and the current time. */
    public static Envelope.Builder envelope() {
        return Envelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(timestamp(Instant.now()));
    }

    /** The protobuf form of {@code instant}. */
    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** Sets the type named by the payload that {@code envelope} carries, and builds it. */
    public static Envelope build(Envelope.Builder envelope) {
        return envelope.setType(type(envelope.getPayloadCase())).build();
    }

    /** The dotted type of a payload: {@code agent_registered} is {@code agent.registered}. */
    public static String type(Envelope.PayloadCase payload) {
        if (payload == Envelope.PayloadCase.PAYLOAD_NOT_SET) {
            throw new IllegalArgumentException("the envelope carries no payload");
        }
        return payload.name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
    }
}
