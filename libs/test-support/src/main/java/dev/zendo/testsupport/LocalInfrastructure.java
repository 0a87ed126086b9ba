package dev.zendo.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Servers (and the mail catcher) run as local processes by scripts/infra.sh under .run/test (make test starts them;
 * a spec run on its own starts them the same way and leaves them running for the next one).
 */
final class LocalInfrastructure implements Infrastructure {

    private final Map<String, String> env;

    private LocalInfrastructure(Map<String, String> env) {
        this.env = env;
    }

    static LocalInfrastructure start() {
        ProcessBuilder builder = new ProcessBuilder("bash", RepoRoot.get().resolve("scripts/infra.sh").toString(), "ensure")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putIfAbsent("ZENDO_ENV", "test");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = process.waitFor();
            if (status != 0) {
                throw new IllegalStateException("scripts/infra.sh ensure exited with " + status);
            }
            Map<String, String> env = new HashMap<>();
            output.lines().filter(line -> line.startsWith("ZENDO_") && line.contains("="))
                    .forEach(line -> env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
            return new LocalInfrastructure(env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String get(String key) {
        String value = env.get(key);
        if (value == null) {
            throw new IllegalStateException("scripts/infra.sh ensure did not print " + key);
        }
        return value;
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + get("ZENDO_PG_HOST") + ":" + get("ZENDO_PG_PORT") + "/" + database;
    }

    @Override
    public String adminUser() {
        return get("ZENDO_PG_ADMIN_USER");
    }

    @Override
    public String adminPassword() {
        return get("ZENDO_PG_ADMIN_PASSWORD");
    }

    @Override
    public String rolePassword() {
        return get("ZENDO_PG_ROLE_PASSWORD");
    }

    @Override
    public String redisUri() {
        return get("ZENDO_REDIS_URL");
    }

    @Override
    public String kafkaBootstrapServers() {
        return get("ZENDO_KAFKA_BOOTSTRAP_SERVERS");
    }

    @Override
    public String smtpHost() {
        return get("ZENDO_SMTP_HOST");
    }

    @Override
    public int smtpPort() {
        return Integer.parseInt(get("ZENDO_SMTP_PORT"));
    }

    @Override
    public String mailApiUrl() {
        return get("ZENDO_MAIL_API_URL");
    }

    @Override
    public MailServer newMailServer() {
        return LocalMailServer.start(Path.of(get("ZENDO_MAIL_JAR")));
    }
}
