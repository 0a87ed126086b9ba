package dev.zendo.system

import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * The browser tests under e2e/tests (playwright-core driving Debian's Chromium), one feature per file, against the
 * stack this module's specs share; their screenshots land in target/e2e-artifacts and their output in target/e2e.
 */
class BrowserSystemSpec extends Specification {

    @Shared
    LocalStack stack = LocalStack.shared()

    @Shared
    Path e2e = stack.root.resolve('e2e')

    def 'the browser tests of #file pass in Chromium against the whole stack'() {
        given:
        Path log = Files.createDirectories(Path.of('target/e2e')).resolve(file.replace('.test.mjs', '.log'))

        when:
        def builder = new ProcessBuilder('node', '--test', '--test-concurrency=1', "tests/${file}")
                .directory(e2e.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
        builder.environment().putAll(
                ZENDO_GATEWAY_URL: stack.gatewayUrl,
                ZENDO_MAIL_API_URL: stack.mailApiUrl,
                ZENDO_E2E_ARTIFACTS: Path.of('target/e2e-artifacts').toAbsolutePath().toString())
        def process = builder.start()
        boolean finished = process.waitFor(8, TimeUnit.MINUTES)
        if (!finished) {
            process.destroyForcibly().waitFor()
        }

        then:
        assert finished && process.exitValue() == 0: "node --test tests/${file} failed (${log}):\n${Files.readString(log)}"

        where:
        file << testFiles()
    }

    private static List<String> testFiles() {
        Path tests = dev.zendo.testsupport.RepoRoot.get().resolve('e2e/tests')
        Files.list(tests).withCloseable { files ->
            files.map { it.fileName.toString() }.filter { it.endsWith('.test.mjs') }.sorted().toList()
        }
    }
}
