package dev.zendo.platform.startup;

import io.micronaut.context.exceptions.BeanContextException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Turns the exception chain of a failed start into one readable line. */
public final class StartupFailure {

    private static final int MAX_LENGTH = 600;

    private StartupFailure() {
    }

    /**
     * The most specific reason in the chain, chosen by type: the deepest exception a library or the service
     * threw (a driver's "connection refused" says more than the socket's, which says more than Micronaut's
     * wrappers); only when Micronaut itself is the source (a failed validation, a missing bean) its own message.
     */
    public static String describe(Throwable failure) {
        List<Throwable> chain = chain(failure);
        String line = deepest(chain, t -> !(t instanceof BeanContextException) && !t.getClass().getName().startsWith("java."))
                .or(() -> deepest(chain, t -> !(t instanceof BeanContextException)))
                .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage())
                .or(() -> deepest(chain, t -> t instanceof BeanContextException).map(t -> MicronautMessage.reason((BeanContextException) t)))
                .orElseGet(() -> chain.get(chain.size() - 1).getClass().getSimpleName());
        line = line.replaceAll("\\s+", " ").trim();
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "…" : line;
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static Optional<Throwable> deepest(List<Throwable> chain, Predicate<Throwable> kind) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable t = chain.get(i);
            if (kind.test(t) && t.getMessage() != null && !t.getMessage().isBlank()) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
