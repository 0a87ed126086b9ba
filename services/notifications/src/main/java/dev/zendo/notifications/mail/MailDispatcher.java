package dev.zendo.notifications.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends queued mail on its own thread: takes due mails under a lease (so several instances never send one mail at the
 * same time, and a crash mid-send only delays it), hands them to the SMTP server, then deletes each sent one and
 * marks its notification delivered. A mail the server could not take is tried again with a doubling pause until
 * {@code give-up-after}; a recipient the server refuses for good fails at once.
 */
@Singleton
public class MailDispatcher implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);

    private static final String CLAIM = """
            UPDATE outgoing_mail o SET next_attempt_at = now() + (? * interval '1 millisecond'), attempts = o.attempts + 1
            FROM notification n
            WHERE n.id = o.notification_id AND o.notification_id IN (
                SELECT notification_id FROM outgoing_mail WHERE next_attempt_at <= now()
                ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING o.notification_id, o.recipient, o.subject, o.text_body, o.html_body, o.unsubscribe_url, o.reply_to,
                o.attempts, o.created_at, n.occurred_at""";
    private static final String SENT = "DELETE FROM outgoing_mail WHERE notification_id = ?";
    private static final String RETRY = """
            UPDATE outgoing_mail SET next_attempt_at = now() + (? * interval '1 millisecond'), last_error = ?
            WHERE notification_id = ?""";
    private static final String SETTLE = """
            UPDATE notification SET status = ?, reason = ?, attempts = ?, updated_at = now() WHERE id = ?""";

    private final MailSettings settings;
    private final SmtpServer smtp;
    private final TransactionOperations<Connection> transactions;
    private final Semaphore wakeups = new Semaphore(0);
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;
    private final Timer latency;
    private volatile boolean running;
    private Thread worker;

    MailDispatcher(MailSettings settings, SmtpServer smtp, TransactionOperations<Connection> transactions, MeterRegistry meters) {
        this.settings = settings;
        this.smtp = smtp;
        this.transactions = transactions;
        this.sent = Counter.builder("zendo.notifications.mail.sent").description("Mails the SMTP server accepted").register(meters);
        this.retried = Counter.builder("zendo.notifications.mail.retried").description("Attempts that failed and will be tried again").register(meters);
        this.failed = Counter.builder("zendo.notifications.mail.failed").description("Mails given up or refused for good").register(meters);
        this.latency = Timer.builder("zendo.notifications.mail.latency")
                .description("From the event a mail comes from to the SMTP server accepting it")
                .publishPercentileHistogram().register(meters);
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        running = true;
        worker = new Thread(this::run, "mail-dispatcher");
        worker.setDaemon(true);
        worker.start();
    }

    /** Makes the dispatcher look for due mail now rather than at its next poll. */
    void wake() {
        wakeups.release();
    }

    @PreDestroy
    synchronized void stop() throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(settings.timeout().multipliedBy(2).toMillis());
        }
    }

    private void run() {
        while (running) {
            try {
                if (dispatchOnce() < settings.batchSize()) {
                    wakeups.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("mail: cannot reach the queue ({}); looking again in {} ms", e.getMessage(), settings.pollInterval().toMillis());
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(settings.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One batch: the number of mails taken. */
    int dispatchOnce() {
        List<QueuedMail> batch = transactions.executeWrite(status -> claim(status.getConnection()));
        if (batch.isEmpty()) {
            return 0;
        }
        Transport transport;
        try {
            transport = smtp.connect();
        } catch (MessagingException e) {
            batch.forEach(mail -> failedAttempt(mail, e, false));
            return batch.size();
        }
        try (transport) {
            for (QueuedMail mail : batch) {
                attempt(transport, mail);
            }
        } catch (MessagingException e) {
            LOG.debug("mail: closing the SMTP connection failed: {}", e.getMessage());
        }
        return batch.size();
    }

    private void attempt(Transport transport, QueuedMail mail) {
        try {
            MimeMessage message = smtp.message(mail);
            transport.sendMessage(message, message.getAllRecipients());
        } catch (SendFailedException e) {
            boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            failedAttempt(mail, e, refused);
            return;
        } catch (MessagingException | RuntimeException e) {
            failedAttempt(mail, e, false);
            return;
        }
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            execute(connection, SENT, mail.notificationId());
            settle(connection, mail, "delivered", null);
            return null;
        });
        sent.increment();
        latency.record(Duration.between(mail.occurredAt(), Instant.now()));
    }

    private void failedAttempt(QueuedMail mail, Exception error, boolean refused) {
        String reason = refused ? "smtp_refused_recipient"
                : mail.createdAt().plus(settings.giveUpAfter()).isBefore(Instant.now()) ? "smtp_gave_up" : null;
        String description = describe(error);
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            if (reason == null) {
                try (PreparedStatement retry = connection.prepareStatement(RETRY)) {
                    retry.setLong(1, settings.backoff(mail.attempts()).toMillis());
                    retry.setString(2, description);
                    retry.setObject(3, mail.notificationId());
                    retry.executeUpdate();
                }
                settle(connection, mail, "queued", null);
            } else {
                execute(connection, SENT, mail.notificationId());
                settle(connection, mail, "failed", reason);
            }
            return null;
        });
        if (reason == null) {
            retried.increment();
            LOG.info("mail: attempt {} for notification {} failed ({}); trying again in {} ms", mail.attempts(),
                    mail.notificationId(), description, settings.backoff(mail.attempts()).toMillis());
        } else {
            failed.increment();
            LOG.warn("mail: notification {} failed after {} attempt(s): {} ({})", mail.notificationId(), mail.attempts(), reason, description);
        }
    }

    private List<QueuedMail> claim(Connection connection) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setLong(1, lease().toMillis());
            claim.setInt(2, settings.batchSize());
            List<QueuedMail> batch = new ArrayList<>();
            try (ResultSet row = claim.executeQuery()) {
                while (row.next()) {
                    batch.add(new QueuedMail(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getString(7), row.getInt(8), row.getTimestamp(9).toInstant(),
                            row.getTimestamp(10).toInstant()));
                }
            }
            return batch;
        }
    }

    /** How long a taken batch is kept from other takers: long enough to send all of it, one timeout per step. */
    private Duration lease() {
        return settings.connectTimeout().plus(settings.timeout().multipliedBy(4L * settings.batchSize()));
    }

    private static void settle(Connection connection, QueuedMail mail, String status, String reason) throws SQLException {
        try (PreparedStatement settle = connection.prepareStatement(SETTLE)) {
            settle.setString(1, status);
            settle.setString(2, reason);
            settle.setInt(3, mail.attempts());
            settle.setObject(4, mail.notificationId());
            settle.executeUpdate();
        }
    }

    private static void execute(Connection connection, String sql, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.executeUpdate();
        }
    }

    private static String describe(Exception error) {
        StringBuilder description = new StringBuilder(error.getClass().getSimpleName());
        if (error.getMessage() != null) {
            description.append(": ").append(error.getMessage().strip());
        }
        Throwable cause = error.getCause();
        if (cause != null && cause != error) {
            description.append(" (").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                description.append(": ").append(cause.getMessage().strip());
            }
            description.append(')');
        }
        return description.length() > 500 ? description.substring(0, 500) : description.toString();
    }
}
