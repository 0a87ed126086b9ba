package dev.zendo.bench.load;

import java.net.URI;

/** A server under test, Zendo's edge or the socket.io peer: where clients connect, how they speak, how events get in. */
interface Target extends AutoCloseable {

    String name();

    URI socketUri();

    ClientSession session(Receiver receiver, Tally tally, Lifecycle lifecycle);

    Injector injector();

    ServerProcess server();

    HeapProbe heap();

    @Override
    void close();

    /** The target {@code --target} names, for runs of at most {@code lifetime} seconds. */
    static Target of(Options options, long lifetime) throws Exception {
        return switch (options.text("target")) {
            case "zendo" -> ZendoTarget.create(options, lifetime);
            case "socketio" -> new SocketIoTarget(options);
            default -> throw new IllegalArgumentException("--target is zendo or socketio, not " + options.text("target"));
        };
    }
}
