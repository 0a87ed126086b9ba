package dev.zendo.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** GreenMail standalone as a child process of the spec's JVM, from the jar scripts/infra.sh fetched. */
final class LocalMailServer implements MailServer {

    private static final String HOST = "127.0.0.1";

    private final Path jar;
    private final int smtpPort;
    private final int apiPort;
    private Process process;

    private LocalMailServer(Path jar, int smtpPort, int apiPort) {
        this.jar = jar;
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
    }

    static LocalMailServer start(Path jar) {
        LocalMailServer server = new LocalMailServer(jar, freePort(), freePort());
        server.start();
        return server;
    }

    @Override
    public String smtpHost() {
        return HOST;
    }

    @Override
    public int smtpPort() {
        return smtpPort;
    }

    @Override
    public String apiUrl() {
        return "http://" + HOST + ":" + apiPort;
    }

    @Override
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dgreenmail.hostname=" + HOST, "-Dgreenmail.smtp.port=" + smtpPort,
                    "-Dgreenmail.api.hostname=" + HOST, "-Dgreenmail.api.port=" + apiPort,
                    "-Dgreenmail.auth.disabled", "-Dgreenmail.users.login=email", "-jar", jar.toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    @Override
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(apiUrl() + "/api/service/readiness")).timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("GreenMail exited with " + process.exitValue() + " while starting");
            }
            try {
                if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            } catch (IOException e) {
                pauseBeforeRetry();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException("GreenMail did not become ready within 30 s on " + apiUrl());
    }

    private static void pauseBeforeRetry() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
