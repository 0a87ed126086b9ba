package dev.zendo.testsupport;

/** The real PostgreSQL, Redis and Kafka servers, and the mail catcher, that specs run against. */
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

    /** Host of the shared mail catcher's SMTP server (GreenMail: it keeps every mail, delivers none). */
    String smtpHost();

    /** Port of that SMTP server. */
    int smtpPort();

    /** Base URL of that mail catcher's HTTP API ({@code GET /api/user/{email}/messages/INBOX}). */
    String mailApiUrl();

    /** A mail catcher of the spec's own, started, that it may stop and start again (the shared one stays up). */
    MailServer newMailServer();
}
