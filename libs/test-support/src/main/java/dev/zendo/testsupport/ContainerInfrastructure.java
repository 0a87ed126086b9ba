package dev.zendo.testsupport;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import java.util.UUID;

/** The same servers in Testcontainers, for machines with a Docker engine (ZENDO_TEST_INFRA=containers). */
final class ContainerInfrastructure implements Infrastructure {

    private static final DockerImageName GREENMAIL = DockerImageName.parse("greenmail/standalone:2.1.8");

    private final PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>(DockerImageName.parse("postgres:15-alpine"));
    private final GenericContainer<?> redis = new GenericContainer<>(DockerImageName.parse("redis:7-alpine")).withExposedPorts(6379);
    private final KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:3.9.1"));
    private final GenericContainer<?> mail = new GenericContainer<>(GREENMAIL).withExposedPorts(3025, 8080);
    private final String rolePassword = UUID.randomUUID().toString();

    static ContainerInfrastructure start() {
        ContainerInfrastructure infrastructure = new ContainerInfrastructure();
        infrastructure.postgres.start();
        infrastructure.redis.start();
        infrastructure.kafka.start();
        infrastructure.mail.start();
        return infrastructure;
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + database;
    }

    @Override
    public String adminUser() {
        return postgres.getUsername();
    }

    @Override
    public String adminPassword() {
        return postgres.getPassword();
    }

    @Override
    public String rolePassword() {
        return rolePassword;
    }

    @Override
    public String redisUri() {
        return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String smtpHost() {
        return mail.getHost();
    }

    @Override
    public int smtpPort() {
        return mail.getMappedPort(3025);
    }

    @Override
    public String mailApiUrl() {
        return "http://" + mail.getHost() + ":" + mail.getMappedPort(8080);
    }

    @Override
    public MailServer newMailServer() {
        return ContainerMailServer.start(GREENMAIL);
    }
}
