package dev.zendo.bench.load;

/** Sends one event carrying a {@link Payload} into what the server under test fans out from. */
interface Injector extends AutoCloseable {

    void send(Payload payload);

    /** Sends that failed (asynchronously, once known). */
    long failures();

    @Override
    void close();
}
