package dev.zendo.system.realtime;

import groovy.json.JsonOutput;
import groovy.json.JsonSlurperClassic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A client of the realtime edge's WebSocket protocol (docs/protocol.md) as the widget and the dashboard use it: it
 * authenticates, subscribes to websites, keeps every frame it receives, remembers the latest cursor of each website
 * (from event frames and heartbeats) and resumes from it on another node after its socket dies. It renews its
 * credentials on the open socket when two thirds of their life has passed, and records the age of every
 * {@code message:new} at arrival (now minus {@code occurred_at}).
 */
public final class EdgeClient {

    /** How long opening a socket may take before the edge counts as not answering. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final Supplier<String> tokens;
    private final String origin;
    private final HttpClient http;
    private final List<Map<String, Object>> frames = new CopyOnWriteArrayList<>();
    private final List<Long> messageAgesMillis = new CopyOnWriteArrayList<>();
    private final Map<String, String> cursors = new ConcurrentHashMap<>();
    private final List<String> websites = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "edge-client-renewal");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ScheduledFuture<?> renewal;
    private volatile WebSocket socket;
    private volatile Connection connection;
    private volatile int connections;

    /**
     * @param name   who this client is, for failure messages
     * @param tokens gives the credentials of each {@code auth}: a fresh agent realtime ticket (they live 60 s), or
     *               a visitor's session token
     * @param origin the page origin a visitor's browser would send, or null for an agent
     */
    public EdgeClient(String name, Supplier<String> tokens, String origin) {
        this.name = name;
        this.tokens = tokens;
        this.origin = origin;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** Opens a socket to {@code url} and sends {@code auth}; throws when the edge does not accept a WebSocket there. */
    public void connect(String url) {
        Connection next = new Connection();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT);
        if (origin != null) {
            builder.header("Origin", origin);
        }
        try {
            socket = builder.buildAsync(URI.create(url), next).get(CONNECT_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(name + " could not open a WebSocket to " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " was interrupted connecting to " + url, e);
        }
        connection = next;
        connections++;
        authenticate();
        awaitReady(next, url);
    }

    /** Waits for the edge to answer the first {@code auth} with {@code ready}: other frames are refused before it. */
    private void awaitReady(Connection on, String url) {
        try {
            CompletableFuture.anyOf(on.ready, on.ended).get(CONNECT_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(name + " got no ready from " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " was interrupted waiting for ready from " + url, e);
        }
        if (!on.ready.isDone()) {
            throw new IllegalStateException(name + " was not admitted by " + url + ": " + on.ended.getNow(null));
        }
    }

    /** Sends {@code auth} with fresh credentials: the first frame of a socket, and a renewal on an open one. */
    public void authenticate() {
        send(Map.of("type", "auth", "v", 1, "token", tokens.get()));
    }

    /** Makes the next subscription to a website start after a cursor obtained elsewhere (a widget session's). */
    public void startFrom(String websiteId, String cursor) {
        cursors.put(websiteId, cursor);
    }

    /** Subscribes to a website, from the latest cursor this client saw of it when it has one. */
    public void subscribe(String websiteId) {
        if (!websites.contains(websiteId)) {
            websites.add(websiteId);
        }
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "subscribe");
        frame.put("website_id", websiteId);
        frame.put("ref", name + "-" + connections + "-" + websiteId);
        String cursor = cursors.get(websiteId);
        if (cursor != null) {
            frame.put("cursor", cursor);
        }
        send(frame);
    }

    /** Connects to another node and subscribes again to every website, each from its latest cursor. */
    public void resume(String url) {
        connect(url);
        websites.forEach(this::subscribe);
    }

    /** Says the sender started or stopped typing in a conversation. */
    public void typing(String conversationId, boolean typing) {
        send(Map.of("type", "typing", "conversation_id", conversationId, "typing", typing));
    }

    /**
     * Sends a {@code ping}, as clients do to tell a live socket from a dead one: the JDK's WebSocket does not notice
     * a connection the server's machine closed without a close frame (a killed node) until a send fails. Returns
     * whether the socket still works; a failed send ends it.
     */
    public synchronized boolean ping() {
        try {
            socket.sendText(JsonOutput.toJson(Map.of("type", "ping", "ref", name + "-ping")), true).get(5, TimeUnit.SECONDS);
            return !isDisconnected();
        } catch (ExecutionException | TimeoutException e) {
            connection.ended.complete("failed: " + e.getCause());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sends a frame as JSON text, one at a time (the renewal thread sends too). */
    public synchronized void send(Map<String, Object> frame) {
        socket.sendText(JsonOutput.toJson(frame), true).join();
    }

    /** Closes the socket normally and stops renewing. */
    public void close() {
        renewals.shutdownNow();
        WebSocket current = socket;
        if (current != null && !current.isOutputClosed()) {
            current.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(error -> null).join();
        }
    }

    public String getName() {
        return name;
    }

    /** Every frame received on every socket so far, in arrival order. */
    public List<Map<String, Object>> getFrames() {
        return List.copyOf(frames);
    }

    /** The frames of one type. */
    public List<Map<String, Object>> frames(String type) {
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> frame : frames) {
            if (type.equals(frame.get("type"))) {
                matching.add(frame);
            }
        }
        return matching;
    }

    /** The frames of one type received on the current socket only. */
    public List<Map<String, Object>> currentFrames(String type) {
        Connection current = connection;
        List<Map<String, Object>> matching = new ArrayList<>();
        if (current != null) {
            for (Map<String, Object> frame : current.frames) {
                if (type.equals(frame.get("type"))) {
                    matching.add(frame);
                }
            }
        }
        return matching;
    }

    /** The latest cursor of a website this client saw, on an event frame or a heartbeat. */
    public String cursor(String websiteId) {
        return cursors.get(websiteId);
    }

    /** The age at arrival of every {@code message:new} frame, in milliseconds. */
    public List<Long> getMessageAgesMillis() {
        return List.copyOf(messageAgesMillis);
    }

    /** Whether the current socket is gone: closed by the server, or broken. */
    public boolean isDisconnected() {
        Connection current = connection;
        return current == null || current.ended.isDone();
    }

    /** How the current socket ended: the close code, or the error's text; null while it is open. */
    public String getEnding() {
        Connection current = connection;
        return current == null ? null : current.ended.getNow(null);
    }

    @Override
    public String toString() {
        return name;
    }

    @SuppressWarnings("unchecked")
    private void received(Connection on, String text) {
        Map<String, Object> frame = (Map<String, Object>) new JsonSlurperClassic().parseText(text);
        Object website = frame.get("website_id");
        if (website != null && frame.get("cursor") instanceof String cursor) {
            cursors.put((String) website, cursor);
        }
        if ("heartbeat".equals(frame.get("type")) && frame.get("cursors") instanceof Map<?, ?> heartbeat) {
            heartbeat.forEach((id, cursor) -> cursors.put((String) id, (String) cursor));
        }
        if ("ready".equals(frame.get("type")) && frame.get("expires_at") != null) {
            scheduleRenewal(instant(frame.get("expires_at")));
            on.ready.complete(null);
        }
        if ("message:new".equals(frame.get("type")) && frame.get("occurred_at") instanceof String occurredAt) {
            messageAgesMillis.add(Duration.between(Instant.parse(occurredAt), Instant.now()).toMillis());
        }
        frames.add(frame);
        on.frames.add(frame);
    }

    private void scheduleRenewal(Instant expiresAt) {
        ScheduledFuture<?> previous = renewal;
        if (previous != null) {
            previous.cancel(false);
        }
        long lifeMillis = Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis());
        renewal = renewals.schedule(() -> {
            if (!isDisconnected()) {
                authenticate();
            }
        }, lifeMillis * 2 / 3, TimeUnit.MILLISECONDS);
    }

    /** An instant written as RFC 3339 text or as epoch seconds. */
    private static Instant instant(Object value) {
        return value instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : Instant.parse(value.toString());
    }

    /** One socket's listener: assembles text frames and notes how the socket ended. */
    private final class Connection implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();
        private final List<Map<String, Object>> frames = new CopyOnWriteArrayList<>();
        private final CompletableFuture<String> ended = new CompletableFuture<>();
        private final CompletableFuture<Void> ready = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                received(this, text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended.complete("closed " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended.complete("failed: " + error);
        }
    }
}
