package dev.zendo.bench.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The socket.io peer's live memory: its {@code /stats} runs a full GC and answers {@code process.memoryUsage()}; heapUsed + external. */
final class NodeHeap implements HeapProbe {

    private final URI stats;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    NodeHeap(URI stats) {
        this.stats = stats;
    }

    @Override
    public long liveBytes() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stats).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode usage = Json.MAPPER.readTree(response.body());
        if (response.statusCode() != 200 || !usage.path("heapUsed").isNumber() || !usage.path("external").isNumber()) {
            throw new IOException("GET " + stats + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return usage.get("heapUsed").asLong() + usage.get("external").asLong();
    }
}
