package dev.zendo.platform.http;

import io.micronaut.serde.exceptions.SerdeException;

/**
 * The one place that reads a framework message: micronaut-serde reports an unknown field only as a plain
 * {@link SerdeException} whose message starts with {@value #UNKNOWN_PROPERTY}. SerdeMessagesSpec pins that string.
 */
final class SerdeMessages {

    static final String UNKNOWN_PROPERTY = "Unknown property [";

    private SerdeMessages() {
    }

    /** Whether serde refused the body for a field the type does not declare. */
    static boolean isUnknownProperty(SerdeException exception) {
        return String.valueOf(exception.getMessage()).startsWith(UNKNOWN_PROPERTY);
    }
}
