package dev.zendo.testsupport;

/** A mail catcher (GreenMail) a spec owns: SMTP in, an HTTP API out, on ports that stay the same across a restart. */
public interface MailServer extends AutoCloseable {

    /** Host of its SMTP server. */
    String smtpHost();

    /** Port of its SMTP server. */
    int smtpPort();

    /** Base URL of its HTTP API. */
    String apiUrl();

    /** Stops it: connections to its SMTP port are refused until {@link #start()}. */
    void stop();

    /** Starts it again on the same ports, empty, and waits until it answers. */
    void start();

    /** Stops it for good. */
    @Override
    void close();
}
