package dev.zendo.testsupport;

import java.util.ArrayList;
import java.util.List;

/** The chain of causes of a failure, for specs that look for the reason a start or a call was refused. */
public final class Causes {

    private Causes() {
    }

    /** {@code failure} and each of its causes, outermost first, each once. */
    public static List<Throwable> of(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
