package dev.zendo.outbox;

import com.google.protobuf.InvalidProtocolBufferException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;

import java.util.List;

/** Tells errors that no retry can cure from those that may pass (broker down, timeouts, leaders moving). */
final class Failures {

    private static final List<Class<? extends Throwable>> PERMANENT = List.of(
            RecordTooLargeException.class, AuthorizationException.class, InvalidTopicException.class,
            InvalidProtocolBufferException.class);

    private Failures() {
    }

    /** Whether {@code error}, or what caused it, means the row can never be published as it is. */
    static boolean permanent(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Throwable cause = t;
            if (PERMANENT.stream().anyMatch(type -> type.isInstance(cause))) {
                return true;
            }
        }
        return false;
    }

    /** What is stored and logged of {@code error}: its type and message, never a payload. */
    static String describe(Throwable error) {
        String text = error.getClass().getName() + ": " + error.getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
