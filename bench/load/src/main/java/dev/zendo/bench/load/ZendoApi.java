package dev.zendo.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.zendo.bench.http.HttpConnections;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** The REST calls the scenarios make through the gateway: an agent, its website, realtime tickets, visitor sessions and messages. */
final class ZendoApi {

    static final String ORIGIN = "https://bench.example";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * A realtime ticket.
     *
     * @param token     what {@code auth} sends
     * @param expiresAt when it lapses
     */
    record Ticket(String token, Instant expiresAt) {
    }

    /**
     * A website.
     *
     * @param id        its id
     * @param publicKey its widget key
     */
    record Website(String id, String publicKey) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    private final URI gateway;

    ZendoApi(URI gateway) {
        this.gateway = gateway;
    }

    /** Signs a new agent up; returns its access token. */
    String signUp() throws IOException, InterruptedException {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        return text(call(post("/v1/auth/signup", Map.of("email", email, "password", "bench-password-" + UUID.randomUUID(), "name", "Bench Agent"))),
                "access_token");
    }

    /** Creates a website the agent owns, admitting the bench's origin. */
    Website createWebsite(String agentToken) throws IOException, InterruptedException {
        JsonNode website = call(post("/v1/websites", Map.of("name", "Bench website", "domains", List.of(URI.create(ORIGIN).getHost()),
                "allowed_origins", List.of(ORIGIN))).header("Authorization", "Bearer " + agentToken));
        return new Website(text(website, "id"), text(website, "public_key"));
    }

    Ticket ticket(String agentToken) throws IOException, InterruptedException {
        JsonNode ticket = call(post("/v1/realtime/tickets", Map.of()).header("Authorization", "Bearer " + agentToken));
        return new Ticket(text(ticket, "ticket"), Instant.parse(text(ticket, "expires_at")));
    }

    /** Opens a visitor session, retrying while conversations does not know the new website's key yet; returns the visitor token. */
    String visitor(String publicKey, Duration patience) throws IOException, InterruptedException {
        HttpRequest request = post("/v1/widget/session", Map.of("public_key", publicKey,
                "page", Map.of("url", ORIGIN + "/pricing", "title", "Pricing"), "locale", "en")).header("Origin", ORIGIN).build();
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return text(Json.MAPPER.readTree(response.body()), "visitor_token");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("POST /v1/widget/session: HTTP " + response.statusCode() + " " + response.body());
            }
            Thread.sleep(50);
        }
    }

    /** Posts a visitor's message over one of {@code connections} (to the gateway); completes with the answer. */
    static CompletableFuture<HttpConnections.Answer> message(HttpConnections connections, String visitorToken, String body) {
        return connections.post("/v1/widget/messages", Map.of("Origin", ORIGIN, "Authorization", "Bearer " + visitorToken),
                json(Map.of("client_msg_id", UUID.randomUUID().toString(), "body", body)));
    }

    private HttpRequest.Builder post(String path, Map<String, ?> body) {
        return HttpRequest.newBuilder(gateway.resolve(path)).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(body)));
    }

    private static byte[] json(Map<String, ?> body) {
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
        }
    }

    private static String text(JsonNode answer, String field) throws IOException {
        JsonNode value = answer.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IOException("no " + field + " in " + answer);
        }
        return value.asText();
    }

    private JsonNode call(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.build();
        HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(built.method() + " " + built.uri() + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return Json.MAPPER.readTree(response.body());
    }
}
