package dev.zendo.realtimeedge.support

import groovy.json.JsonOutput
import groovy.json.JsonSlurperClassic

import java.net.http.HttpClient
import java.net.http.WebSocket
import java.nio.ByteBuffer
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage
import java.util.concurrent.CopyOnWriteArrayList

/** A small real WebSocket client of the edge (the JDK's), recording every frame it receives and how it was closed. */
class EdgeClient implements WebSocket.Listener, AutoCloseable {

    final List<Map> frames = new CopyOnWriteArrayList<>()
    final CompletableFuture<Integer> closed = new CompletableFuture<>()
    private final StringBuilder partial = new StringBuilder()
    private final int readLimit
    WebSocket socket

    private EdgeClient(int readLimit) {
        this.readLimit = readLimit
    }

    /** Opens a socket to the edge's {@code /ws}; the client stops reading (like a stuck browser) after {@code readLimit} frames. */
    static EdgeClient connect(int port, String origin = null, int readLimit = Integer.MAX_VALUE) {
        EdgeClient client = new EdgeClient(readLimit)
        def builder = HttpClient.newHttpClient().newWebSocketBuilder()
        if (origin != null) {
            builder.header('Origin', origin)
        }
        client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:${port}/ws"), client).join()
        client
    }

    void send(Map frame) {
        sendText(JsonOutput.toJson(frame))
    }

    /** Sends a frame unless the socket has closed meanwhile; false when it had. */
    boolean trySend(Map frame) {
        try {
            send(frame)
            true
        } catch (java.util.concurrent.CompletionException ignored) {
            false
        }
    }

    void sendText(String text) {
        socket.sendText(text, true).join()
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join()
    }

    /** Frames of one type, in arrival order. */
    List<Map> ofType(String type) {
        frames.findAll { it.type == type }
    }

    /** {@code message:new} frames, in arrival order. */
    List<Map> messages() {
        ofType('message:new')
    }

    /** Event frames (those with an event id), in arrival order. */
    List<Map> events() {
        frames.findAll { it.event_id != null }
    }

    Integer closeCode() {
        closed.isDone() ? closed.getNow(null) : null
    }

    @Override
    void onOpen(WebSocket webSocket) {
        webSocket.request(1)
    }

    @Override
    CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data)
        if (last) {
            frames << (Map) new JsonSlurperClassic().parseText(partial.toString())
            partial.setLength(0)
        }
        if (frames.size() < readLimit) {
            webSocket.request(1)
        }
        null
    }

    @Override
    CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode)
        null
    }

    @Override
    void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1)
    }

    @Override
    void close() {
        if (!closed.isDone()) {
            socket.abort()
        }
    }
}
