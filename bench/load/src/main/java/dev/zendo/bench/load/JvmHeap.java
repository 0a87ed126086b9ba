package dev.zendo.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM server's live heap ({@code jcmd GC.run}, then the generations' {@code used} of {@code GC.heap_info}) plus
 * Netty's direct memory from the edge's {@code zendo_realtime_netty_direct_memory_bytes} gauge.
 */
final class JvmHeap implements HeapProbe {

    private static final Pattern USED = Pattern.compile("(?:generation|heap)\\s+total \\d+K, used (\\d+)K");
    private static final Pattern DIRECT = Pattern.compile("(?m)^zendo_realtime_netty_direct_memory_bytes(?:\\{[^}]*})? ([0-9.eE+]+)$");

    private final long pid;
    private final URI prometheus;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    JvmHeap(long pid, URI prometheus) {
        this.pid = pid;
        this.prometheus = prometheus;
    }

    @Override
    public long liveBytes() throws IOException, InterruptedException {
        jcmd("GC.run");
        long heap = 0;
        Matcher used = USED.matcher(jcmd("GC.heap_info"));
        while (used.find()) {
            heap += Long.parseLong(used.group(1)) * 1024;
        }
        if (heap == 0) {
            throw new IOException("jcmd GC.heap_info named no heap of process " + pid);
        }
        Matcher direct = DIRECT.matcher(http.send(HttpRequest.newBuilder(prometheus).build(), HttpResponse.BodyHandlers.ofString()).body());
        if (!direct.find()) {
            throw new IOException("no zendo_realtime_netty_direct_memory_bytes at " + prometheus);
        }
        return heap + (long) Double.parseDouble(direct.group(1));
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + command + " failed: " + out);
        }
        return out;
    }
}
