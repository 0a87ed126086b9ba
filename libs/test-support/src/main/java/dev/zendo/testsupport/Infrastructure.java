package dev.zendo.testsupport;

/** The real PostgreSQL, Redis and Kafka servers that specs run against. */
public interface Infrastructure {

    /** JDBC URL of {@code database} on the test PostgreSQL server. */
    String jdbcUrl(String database);

    /** A superuser that may create databases and roles. */
    String adminUser();

    /** Password of {@link #adminUser()}. */
    String adminPassword();

    /** redis://host:port of the test Redis server. */
    String redisUri();

    /** host:port of the test Kafka broker. */
    String kafkaBootstrapServers();
}
