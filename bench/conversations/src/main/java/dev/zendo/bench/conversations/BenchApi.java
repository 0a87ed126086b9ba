package dev.zendo.bench.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zendo.bench.http.HttpConnections;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

/** The HTTP calls of the benchmarks: an agent and its websites to set up, visitor sessions and their messages, website changes. */
final class BenchApi {

    static final String ORIGIN = "https://example.com";
    static final int MESSAGE_CREATED = 201;
    static final int SESSION_STARTED = 201;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Where the services listen.
     *
     * @param identity      identity's base URL
     * @param websites      websites' base URL
     * @param conversations conversations' base URL
     */
    record Services(URI identity, URI websites, URI conversations) {
    }

    private final HttpClient client;
    private final Services services;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong renames = new AtomicLong();
    private final AtomicLong pageViews = new AtomicLong();

    BenchApi(HttpClient client, Services services) {
        this.client = client;
        this.services = services;
    }

    /** Signs a new agent up and returns its access token. */
    String signUp(String email, String password) throws IOException, InterruptedException {
        HttpRequest request = post(services.identity(), "/v1/auth/signup",
                Map.of("email", email, "password", password, "name", "Bench Agent")).timeout(CALL_TIMEOUT).build();
        return call(request, status -> status == 201).path("access_token").asText();
    }

    /**
     * A website the bench created.
     *
     * @param id        its id
     * @param publicKey its widget key
     */
    record Website(UUID id, String publicKey) {
    }

    /** Creates a website that admits the bench's origin. */
    Website createWebsite(String agentToken, String name) throws IOException, InterruptedException {
        HttpRequest request = post(services.websites(), "/v1/websites",
                Map.of("name", name, "domains", List.of(URI.create(ORIGIN).getHost()), "allowed_origins", List.of(ORIGIN)))
                .header("Authorization", "Bearer " + agentToken).timeout(CALL_TIMEOUT).build();
        JsonNode website = call(request, status -> status == 201);
        return new Website(UUID.fromString(website.path("id").asText()), website.path("public_key").asText());
    }

    /** Opens sessions until one succeeds (conversations learns new keys from Kafka) and returns how long that took. */
    Duration awaitKey(String publicKey, Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            HttpResponse<String> response = client.send(session(publicKey), HttpResponse.BodyHandlers.ofString());
            if (success(response.statusCode())) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("conversations did not accept the new website's key within " + timeout + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            Thread.sleep(20);
        }
    }

    /** Opens {@code count} visitor sessions one after the other and returns their visitor tokens. */
    List<String> visitors(String publicKey, int count) throws IOException, InterruptedException {
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tokens.add(call(session(publicKey), BenchApi::success).path("visitor_token").asText());
        }
        return tokens;
    }

    /** A new message (fresh {@code client_msg_id}) of the next visitor in turn, to send to conversations. */
    HttpConnections.Request message(List<String> visitorTokens) {
        long n = messages.incrementAndGet();
        String token = visitorTokens.get((int) (n % visitorTokens.size()));
        return new HttpConnections.Request("POST", "/v1/widget/messages", Map.of("Origin", ORIGIN, "Authorization", "Bearer " + token),
                json(Map.of("client_msg_id", UUID.randomUUID().toString(), "body", "Benchmark message " + n + ": is anyone there?")));
    }

    /** The session start of the next visitor in turn, with its token: what the widget sends on each page a returning visitor opens. */
    HttpConnections.Request pageView(String publicKey, List<String> visitorTokens) {
        long n = pageViews.incrementAndGet();
        String token = visitorTokens.get((int) (n % visitorTokens.size()));
        return new HttpConnections.Request("POST", "/v1/widget/session", Map.of("Origin", ORIGIN), json(sessionBody(publicKey, token)));
    }

    /** A new name for the next of {@code websites} in turn, to send to websites: one durable update and one outbox event there. */
    HttpConnections.Request rename(String agentToken, List<Website> websites) {
        long n = renames.incrementAndGet();
        Website website = websites.get((int) (n % websites.size()));
        return new HttpConnections.Request("PATCH", "/v1/websites/" + website.id(), Map.of("Authorization", "Bearer " + agentToken),
                json(Map.of("name", "Bench website, version " + n)));
    }

    private HttpRequest session(String publicKey) {
        return post(services.conversations(), "/v1/widget/session", sessionBody(publicKey, null))
                .header("Origin", ORIGIN)
                .timeout(CALL_TIMEOUT).build();
    }

    /** A session start's body: a new visitor's without a token, a returning visitor's with the token it was given. */
    private static Map<String, Object> sessionBody(String publicKey, String visitorToken) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("public_key", publicKey, "page",
                Map.of("url", ORIGIN + "/pricing", "title", "Pricing"), "locale", "en"));
        if (visitorToken != null) {
            body.put("visitor_token", visitorToken);
        }
        return body;
    }

    private static HttpRequest.Builder post(URI service, String path, Object body) {
        return HttpRequest.newBuilder(service.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(body)));
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
        }
    }

    private static boolean success(int status) {
        return status / 100 == 2;
    }

    /** Sends a setup call, whose answer must have an accepted status, and returns the answer's JSON. */
    private JsonNode call(HttpRequest request, IntPredicate accepted) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (!accepted.test(response.statusCode())) {
            throw new IOException(request.method() + " " + request.uri() + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
