package dev.zendo.platform.startup;

import io.micronaut.context.exceptions.BeanContextException;

import java.util.ArrayList;
import java.util.List;

/** Turns the exception chain of a failed start into one readable line. */
public final class StartupFailure {

    private static final int MAX_LENGTH = 600;

    private StartupFailure() {
    }

    /**
     * The most specific message in the chain: that of the deepest exception a library threw (a driver's
     * "connection refused" says more than the socket's), with Micronaut's injection path left out.
     */
    public static String describe(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        Throwable chosen = chain.get(chain.size() - 1);
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable t = chain.get(i);
            if (hasMessage(t) && !t.getClass().getName().startsWith("java.")) {
                chosen = t;
                break;
            }
        }
        String line = chosen instanceof BeanContextException
                ? withoutInjectionPath(chosen.getMessage())
                : chosen.getClass().getSimpleName() + ": " + (hasMessage(chosen) ? chosen.getMessage() : "");
        line = line.replaceAll("\\s+", " ").trim();
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "…" : line;
    }

    private static boolean hasMessage(Throwable t) {
        return t.getMessage() != null && !t.getMessage().isBlank();
    }

    private static String withoutInjectionPath(String message) {
        int start = message.indexOf("Message: ");
        String text = start >= 0 ? message.substring(start + "Message: ".length()) : message;
        int path = text.indexOf("Path Taken:");
        return path >= 0 ? text.substring(0, path) : text;
    }
}
