package dev.zendo.testsupport;

/** The real PostgreSQL, Redis and Kafka servers that specs run against. */
public interface Infrastructure {

    /** JDBC URL of {@code database} on the test PostgreSQL server. */
    String jdbcUrl(String database);

    /** A superuser that may create databases and roles. */
    String adminUser();

    /** Password of {@link #adminUser()}. */
    String adminPassword();

    /** Password of the service roles specs create (the same for every role of this server). */
    String rolePassword();

    /** redis://host:port of the test Redis server. */
    String redisUri();

    /** host:port of the test Kafka broker. */
    String kafkaBootstrapServers();
}
