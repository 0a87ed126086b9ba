package dev.zendo.system

import dev.zendo.testsupport.RepoRoot

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.ThreadLocalRandom
import java.util.concurrent.TimeUnit

/**
 * The whole platform started by the make up scripts on a free block of ports, with its own state folder: one
 * instance of each service, plus a second realtime edge node and a second conversations instance when asked.
 */
class LocalStack {

    /** Offsets from the port base that scripts/lib/common.sh derives every port from. */
    static final List<Integer> PORT_OFFSETS = [25, 32, 43, 44, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 92, 93]
    static final List<String> SERVICES = ['identity', 'websites', 'conversations', 'realtime-edge', 'notifications']
    /** The HTTP port offset of each instance; the second nodes are named <service>-2 as in scripts/lib/common.sh. */
    static final Map<String, Integer> HTTP_OFFSETS = [
            'identity': 81, 'websites': 82, 'conversations': 83, 'realtime-edge': 84, 'notifications': 85,
            'realtime-edge-2': 87, 'conversations-2': 89]
    /** The WebSocket port offset of each realtime edge node. */
    static final Map<String, Integer> WS_OFFSETS = ['realtime-edge': 86, 'realtime-edge-2': 88]

    /** Where the stack every spec of this module shares keeps its state. */
    static final Path SHARED_RUN_DIR = Path.of('target/system-stack').toAbsolutePath()

    private static LocalStack shared

    final Path root = RepoRoot.get()
    final Path runDir
    final int portBase
    final int edgeNodes
    final int conversationsNodes
    private boolean up

    LocalStack(Path runDir, int edgeNodes = 1, int conversationsNodes = 1) {
        this.runDir = runDir
        this.edgeNodes = edgeNodes
        this.conversationsNodes = conversationsNodes
        this.portBase = freePortBase()
    }

    /**
     * The stack the specs of this module share, with two edge nodes and two conversations instances: started by the
     * first spec that asks (after stopping and clearing what a killed earlier run left), and again after a spec ran
     * make down; {@link SharedStackExtension} stops it when every spec has run.
     */
    static synchronized LocalStack shared() {
        if (shared == null) {
            shared = new LocalStack(SHARED_RUN_DIR, 2, 2)
            shared.clearRunDir()
        }
        if (!shared.up) {
            shared.run('up.sh')
        }
        shared
    }

    /** Stops the shared stack, if a spec started it. */
    static synchronized void stopShared() {
        if (shared?.up) {
            shared.run('down.sh')
        }
    }

    /** The service processes: one per service, and the second nodes. */
    List<String> getInstances() {
        SERVICES.collectMany { service ->
            int nodes = service == 'realtime-edge' ? edgeNodes : service == 'conversations' ? conversationsNodes : 1
            nodes == 2 ? [service, "${service}-2".toString()] : [service]
        }
    }

    int getGatewayPort() { portBase + 80 }

    String getGatewayUrl() { "http://127.0.0.1:${gatewayPort}" }

    int httpPort(String instance) { portBase + HTTP_OFFSETS[instance] }

    /** The WebSocket URL of one edge node, bypassing the gateway. */
    String edgeWebSocketUrl(String instance) { "ws://127.0.0.1:${portBase + WS_OFFSETS[instance]}/ws" }

    String getKafkaBootstrapServers() { "127.0.0.1:${portBase + 92}" }

    /** GreenMail's HTTP API, where the stack's caught mail is read (scripts/lib/common.sh: port base + 44). */
    String getMailApiUrl() { "http://127.0.0.1:${portBase + 44}" }

    /** Runs one of the scripts under scripts/ against this stack; returns its combined output, or throws with it. */
    String run(String script, List<String> args = []) {
        def builder = new ProcessBuilder(['bash', root.resolve("scripts/${script}").toString()] + args)
                .directory(root.toFile()).redirectErrorStream(true)
        builder.environment().putAll(environment())
        def process = builder.start()
        def output = new StringBuilder()
        def reader = Thread.start { output << process.inputStream.text }
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly()
        }
        reader.join()
        Files.writeString(runDir.resolve("${script}.log"), output)
        if (script == 'down.sh') {
            up = false
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("scripts/${script} exited with ${process.exitValue()}:\n${output}")
        }
        if (script == 'up.sh') {
            up = true
        }
        output.toString()
    }

    Map<String, String> environment() {
        boolean built = SERVICES.every { Files.exists(root.resolve("services/${it}/target/${it}-0.1.0-SNAPSHOT.jar")) }
        [ZENDO_ENV                : 'system',
         ZENDO_PORT_BASE          : portBase as String,
         ZENDO_RUN_DIR            : runDir.toString(),
         ZENDO_SKIP_BUILD         : built ? '1' : '0',
         ZENDO_EDGE_NODES         : edgeNodes as String,
         ZENDO_CONVERSATIONS_NODES: conversationsNodes as String,
         // Every spec and browser test signs its own agents up from 127.0.0.1: identity's per-address limits (10 sign-ups
         // an hour, 20 logins in 15 minutes) are raised for this stack; identity's RateLimitSpec covers the limits themselves.
         SIGNUP_ADDRESS_LIMIT     : '500',
         LOGIN_ADDRESS_LIMIT      : '500']
    }

    /** The pid a script recorded for a process of this stack (an instance: realtime-edge-2 is the second edge node). */
    long pidOf(String instance) {
        Files.readString(runDir.resolve("services/${instance}.pid")).trim() as long
    }

    /** Stops what a killed earlier run left in the run folder (by its pid files), then empties the folder. */
    private void clearRunDir() {
        if (Files.exists(runDir)) {
            run('down.sh')
            // Files.walk does not follow links: the gateway's links into widget/ and dashboard/ go, their targets stay.
            Files.walk(runDir).sorted(Comparator.reverseOrder()).forEach { Files.delete(it) }
        }
        Files.createDirectories(runDir)
    }

    /** A block of ports every offset of which is free, below the kernel's ephemeral range. */
    static int freePortBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            // Below the kernel's ephemeral ports (32768 and up), where the stack's own client connections could take a service's port.
            int base = 20000 + ThreadLocalRandom.current().nextInt(127) * 100
            if (PORT_OFFSETS.every { free(base + it) }) {
                return base
            }
        }
        throw new IllegalStateException('no free block of ports between 20000 and 32699')
    }

    private static boolean free(int port) {
        try {
            new ServerSocket(port, 1, InetAddress.getByName('127.0.0.1')).close()
            true
        } catch (IOException ignored) {
            false
        }
    }
}
