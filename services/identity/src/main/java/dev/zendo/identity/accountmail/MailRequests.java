package dev.zendo.identity.accountmail;

import dev.zendo.identity.agent.Agent;
import dev.zendo.identity.agent.AgentRepository;
import dev.zendo.platform.ratelimit.RateLimit;
import dev.zendo.platform.ratelimit.RateLimiter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * The request half of the password-reset and sign-in-code flows: a request is limited per client address and per
 * email, then what it causes (looking the email up, writing the secret and its event) runs apart from the answer, on the
 * blocking pool: the answer is the same, and costs the same, whether or not the email is an enabled agent's. A failure
 * is logged without the email or the secret; the requester can ask again.
 */
@Singleton
public class MailRequests {

    private static final Logger LOG = LoggerFactory.getLogger(MailRequests.class);

    private final ExecutorService executor;
    private final RateLimiter limiter;
    private final TransactionOperations<Connection> transactions;
    private final AgentRepository agents;

    MailRequests(@Named(TaskExecutors.BLOCKING) ExecutorService executor, RateLimiter limiter,
                 TransactionOperations<Connection> transactions, AgentRepository agents) {
        this.executor = executor;
        this.limiter = limiter;
        this.transactions = transactions;
        this.agents = agents;
    }

    /**
     * Takes a request for the {@code kind} of mail to {@code email} (429 past {@code perAddress} or {@code perEmail}) and,
     * without waiting, hands the enabled agent with that email, its row locked, to {@code issue} in one transaction.
     */
    public void submit(String kind, String email, String clientAddress, RateLimit perEmail, RateLimit perAddress, Consumer<Agent> issue) {
        limiter.acquire(perAddress, clientAddress);
        limiter.acquire(perEmail, email);
        executor.execute(() -> {
            try {
                transactions.executeWrite(status -> {
                    agents.lockEnabledByEmail(email).ifPresent(issue);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("{}: could not handle a request: {}", kind, e.getClass().getName());
            }
        });
    }
}
