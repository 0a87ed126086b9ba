package dev.zendo.inbox;

import com.google.protobuf.Timestamp;

import java.time.Instant;
import java.util.UUID;

/** Reads the fields of consumed events; a field that cannot be read makes the event malformed. */
public final class EventFields {

    private EventFields() {
    }

    /** {@code value} as the UUID it must be. */
    public static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent(field + " is no UUID: '" + value + "'");
        }
    }

    /** {@code value} when it is set, else null (proto3 strings are empty when unset). */
    public static String optional(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** {@code value} when it is set, else a malformed event. */
    public static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedEvent(field + " is empty");
        }
        return value;
    }

    /** {@code timestamp} as an instant; null when unset. */
    public static Instant instant(Timestamp timestamp) {
        return timestamp.getSeconds() == 0 && timestamp.getNanos() == 0 ? null : Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    /** An event no attempt can apply: the inbox tries it its configured times, then parks it and moves on. */
    public static final class MalformedEvent extends IllegalArgumentException {
        public MalformedEvent(String message) {
            super(message);
        }
    }
}
