package dev.zendo.testsupport;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingMethod;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Records blocking calls (socket and file I/O, sleeping, waiting, parking, and the platform's bounded costly work
 * such as password hashing) that Zendo code makes on a Netty event-loop thread, as BlockHound detects them, so a spec
 * can drive a service's endpoints and then require that none happened. Loading classes and writing logs are not
 * counted. Needs the JVM flag {@code -XX:+AllowRedefinitionToAddDeleteMethods}; installed once per JVM, recording
 * never fails a call.
 */
public final class EventLoopBlocking {

    private static final List<String> CALLS = new CopyOnWriteArrayList<>();
    private static boolean installed;

    private EventLoopBlocking() {
    }

    /** Starts recording, once per JVM. */
    public static synchronized void install() {
        if (!installed) {
            BlockHound.builder()
                    .loadIntegrations()
                    .nonBlockingThreadPredicate(ignored -> EventLoopBlocking::isEventLoop)
                    .markAsBlocking("dev.zendo.platform.ratelimit.ConcurrencyLimit", "call", "(Ljava/util/function/Supplier;)Ljava/lang/Object;")
                    .allowBlockingCallsInside(ClassLoader.class.getName(), "loadClass")
                    .allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "writeBytes")
                    .blockingMethodCallback(EventLoopBlocking::record)
                    .install();
            installed = true;
        }
    }

    /** Forgets the calls recorded so far. */
    public static void clear() {
        CALLS.clear();
    }

    /** The blocking calls recorded on event-loop threads since the last {@link #clear()}, with where they came from. */
    public static List<String> calls() {
        return List.copyOf(CALLS);
    }

    private static boolean isEventLoop(Thread thread) {
        return thread.getName().toLowerCase(Locale.ROOT).contains("eventloopgroup");
    }

    private static void record(BlockingMethod method) {
        List<String> zendoFrames = Arrays.stream(new Throwable().getStackTrace())
                .map(StackTraceElement::toString)
                .filter(frame -> frame.startsWith("dev.zendo.") && !frame.startsWith(EventLoopBlocking.class.getPackageName()))
                .toList();
        if (!zendoFrames.isEmpty()) {
            CALLS.add(Thread.currentThread().getName() + " called " + method + " from "
                    + zendoFrames.stream().limit(3).collect(Collectors.joining(" <- ")));
        }
    }
}
