package dev.zendo.system

import dev.zendo.testsupport.RepoRoot

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.ThreadLocalRandom
import java.util.concurrent.TimeUnit

/** The whole platform started by the make up scripts on a free block of ports, with its own state folder. */
class LocalStack {

    /** Offsets from the port base that scripts/lib/common.sh derives every port from. */
    static final List<Integer> PORT_OFFSETS = [32, 79, 80, 81, 82, 83, 84, 85, 92, 93]
    static final List<String> SERVICES = ['identity', 'websites', 'conversations', 'realtime-edge', 'notifications']

    final Path root = RepoRoot.get()
    final Path runDir
    final int portBase

    LocalStack(Path runDir) {
        this.runDir = runDir
        this.portBase = freePortBase()
    }

    int getGatewayPort() { portBase + 80 }

    String getGatewayUrl() { "http://127.0.0.1:${gatewayPort}" }

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
        if (process.exitValue() != 0) {
            throw new IllegalStateException("scripts/${script} exited with ${process.exitValue()}:\n${output}")
        }
        output.toString()
    }

    Map<String, String> environment() {
        boolean built = SERVICES.every { Files.exists(root.resolve("services/${it}/target/${it}-0.1.0-SNAPSHOT.jar")) }
        [ZENDO_ENV       : 'system',
         ZENDO_PORT_BASE : portBase as String,
         ZENDO_RUN_DIR   : runDir.toString(),
         ZENDO_SKIP_BUILD: built ? '1' : '0']
    }

    /** The pid a script recorded for a process of this stack. */
    long pidOf(String service) {
        Files.readString(runDir.resolve("services/${service}.pid")).trim() as long
    }

    private static int freePortBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 30000 + ThreadLocalRandom.current().nextInt(250) * 100
            if (PORT_OFFSETS.every { free(base + it) }) {
                return base
            }
        }
        throw new IllegalStateException('no free block of ports between 30000 and 55000')
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
