package dev.zendo.identity.accountmail;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;

/**
 * Runs what a request for a password reset or a sign-in code causes (looking the email up, writing the secret and
 * its event) apart from the answer, on the blocking pool: the answer is the same, and costs the same, whether or not
 * the email is an agent's. A failure is logged without the email or the secret; the requester can ask again.
 */
@Singleton
public class MailRequests {

    private static final Logger LOG = LoggerFactory.getLogger(MailRequests.class);

    private final ExecutorService executor;

    MailRequests(@Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.executor = executor;
    }

    /** Starts {@code work}, the {@code kind} of mail request, without waiting for it. */
    public void submit(String kind, Runnable work) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: could not handle a request: {}", kind, e.getClass().getName());
            }
        });
    }
}
