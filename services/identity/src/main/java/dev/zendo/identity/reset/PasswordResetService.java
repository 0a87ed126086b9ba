package dev.zendo.identity.reset;

import dev.zendo.identity.accountmail.AccountMailEvents;
import dev.zendo.identity.accountmail.AccountMailSettings;
import dev.zendo.identity.accountmail.MailRequests;
import dev.zendo.identity.accountmail.OneTimeSecrets;
import dev.zendo.identity.accountmail.SecretErrors;
import dev.zendo.identity.agent.Agent;
import dev.zendo.identity.agent.AgentRepository;
import dev.zendo.identity.agent.AgentService;
import dev.zendo.identity.password.PasswordHasher;
import dev.zendo.platform.ratelimit.RateLimit;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;

/**
 * Forgotten passwords. A request is limited per client address and per email ({@code zendo.rate-limits.password-reset-address},
 * {@code password-reset-email}) and answered alike for every email; for an enabled agent it writes a single-use token's
 * hash and the event carrying the token sealed for notifications. Confirming sets the new password, revokes every
 * session and verifies the email.
 */
@Singleton
class PasswordResetService {

    private final PasswordResetRepository repository;
    private final AgentRepository agentRepository;
    private final AgentService agents;
    private final AccountMailEvents events;
    private final AccountMailSettings settings;
    private final MailRequests mailRequests;
    private final PasswordHasher hasher;
    private final TransactionOperations<Connection> transactions;
    private final RateLimit perEmail;
    private final RateLimit perAddress;
    private final Clock clock;

    PasswordResetService(PasswordResetRepository repository, AgentRepository agentRepository, AgentService agents,
                         AccountMailEvents events, AccountMailSettings settings, MailRequests mailRequests, PasswordHasher hasher,
                         TransactionOperations<Connection> transactions,
                         @Named("password-reset-email") RateLimit perEmail, @Named("password-reset-address") RateLimit perAddress,
                         Clock clock) {
        this.repository = repository;
        this.agentRepository = agentRepository;
        this.agents = agents;
        this.events = events;
        this.settings = settings;
        this.mailRequests = mailRequests;
        this.hasher = hasher;
        this.transactions = transactions;
        this.perEmail = perEmail;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    void request(String email, String clientAddress, String language) {
        mailRequests.submit("password reset", email, clientAddress, perEmail, perAddress, agent -> issue(agent, language));
    }

    private void issue(Agent agent, String language) {
        String token = OneTimeSecrets.newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.passwordResetTtl());
        repository.replace(agent.id(), OneTimeSecrets.hash(token), now, expiresAt);
        events.passwordResetRequested(agent, token, expiresAt, language);
    }

    /**
     * Sets the new password, once per token. The token is checked before the costly hash is computed and again,
     * locked after the agent's row, before it is used, so of two confirmations at once exactly one succeeds.
     */
    void confirm(PasswordResetConfirmation confirmation) {
        String hash = OneTimeSecrets.hash(confirmation.token());
        usable(repository.findByTokenHash(hash).orElseThrow(SecretErrors::tokenNotFound));
        String passwordHash = hasher.hash(confirmation.newPassword());
        transactions.executeWrite(status -> {
            PasswordReset found = repository.findByTokenHash(hash).orElseThrow(SecretErrors::tokenNotFound);
            agentRepository.lockById(found.agentId()).filter(agent -> !agent.disabled()).orElseThrow(SecretErrors::tokenNotFound);
            PasswordReset reset = usable(repository.lockByTokenHash(hash).orElseThrow(SecretErrors::tokenNotFound));
            return agents.resetPassword(reset.agentId(), passwordHash);
        });
    }

    private PasswordReset usable(PasswordReset reset) {
        if (!reset.expiresAt().isAfter(clock.instant())) {
            throw SecretErrors.tokenExpired();
        }
        return reset;
    }
}
