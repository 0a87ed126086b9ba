package dev.zendo.testsupport;

import org.testcontainers.containers.FixedHostPortGenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** GreenMail in a container whose host ports stay the same when it is stopped and started again. */
final class ContainerMailServer implements MailServer {

    private final FixedHostPortGenericContainer<?> container;
    private final int smtpPort;
    private final int apiPort;

    private ContainerMailServer(DockerImageName image, int smtpPort, int apiPort) {
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
        this.container = new FixedHostPortGenericContainer<>(image.asCanonicalNameString())
                .withFixedExposedPort(smtpPort, 3025)
                .withFixedExposedPort(apiPort, 8080)
                .waitingFor(Wait.forHttp("/api/service/readiness").forPort(8080));
    }

    static ContainerMailServer start(DockerImageName image) {
        ContainerMailServer server = new ContainerMailServer(image, freePort(), freePort());
        server.start();
        return server;
    }

    @Override
    public String smtpHost() {
        return container.getHost();
    }

    @Override
    public int smtpPort() {
        return smtpPort;
    }

    @Override
    public String apiUrl() {
        return "http://" + container.getHost() + ":" + apiPort;
    }

    @Override
    public void stop() {
        container.stop();
    }

    @Override
    public void start() {
        container.start();
    }

    @Override
    public void close() {
        container.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
