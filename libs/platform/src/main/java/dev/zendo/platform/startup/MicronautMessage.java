package dev.zendo.platform.startup;

import io.micronaut.context.exceptions.BeanContextException;

/**
 * The one place that reads Micronaut's exception text, for failures Micronaut raises itself (a failed
 * validation of settings, a missing bean), whose reason exists only inside its message: the part after
 * "Message: ", without the "Path Taken:" injection path. StartupFailureSpec pins the format.
 */
final class MicronautMessage {

    private static final String MESSAGE = "Message: ";
    private static final String PATH = "Path Taken:";

    private MicronautMessage() {
    }

    static String reason(BeanContextException exception) {
        String message = exception.getMessage();
        int start = message.indexOf(MESSAGE);
        String reason = start >= 0 ? message.substring(start + MESSAGE.length()) : message;
        int path = reason.indexOf(PATH);
        return path >= 0 ? reason.substring(0, path) : reason;
    }
}
