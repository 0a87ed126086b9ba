package dev.zendo.bench.load;

import java.net.URI;

/**
 * The socket.io peer (bench/peer-socketio): clients connect to {@code /socket.io/?EIO=4&transport=websocket} and are put
 * in one room; events are published on its Redis channel. Options: --peer (http://host:port), --redis, --server-pid,
 * --clock-ticks.
 */
final class SocketIoTarget implements Target {

    static final String CHANNEL = "bench:events";

    private final URI peer;
    private final RedisInjector injector;
    private final ServerProcess server;

    SocketIoTarget(Options options) {
        this.peer = options.uri("peer");
        this.injector = new RedisInjector(options.uri("redis"), CHANNEL);
        this.server = new ServerProcess(options.pid("server-pid"), options.positive("clock-ticks", 100));
    }

    @Override
    public String name() {
        return "socketio";
    }

    @Override
    public URI socketUri() {
        return URI.create("ws://" + peer.getAuthority() + "/socket.io/?EIO=4&transport=websocket");
    }

    @Override
    public ClientSession session(Receiver receiver, Tally tally, Lifecycle lifecycle) {
        return new SocketIoSession(receiver, tally, lifecycle);
    }

    @Override
    public Injector injector() {
        return injector;
    }

    @Override
    public ServerProcess server() {
        return server;
    }

    @Override
    public HeapProbe heap() {
        return new NodeHeap(peer.resolve("/stats"));
    }

    @Override
    public void close() {
        injector.close();
    }
}
