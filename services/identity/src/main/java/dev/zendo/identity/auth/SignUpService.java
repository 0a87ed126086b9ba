package dev.zendo.identity.auth;

import dev.zendo.identity.agent.AgentService;
import dev.zendo.identity.password.PasswordHasher;
import dev.zendo.identity.token.SessionService;
import dev.zendo.identity.token.TokenResponse;
import dev.zendo.platform.ratelimit.RateLimit;
import dev.zendo.platform.ratelimit.RateLimiter;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.sql.Connection;

/**
 * Registers an agent and signs it in, in one transaction: agent, events (with the email verification link) and
 * session are written together or not at all.
 * Sign-ups are limited per client address ({@code zendo.rate-limits.signup-address}); the costly password hash is
 * computed only after that limit and the email's availability are checked.
 */
@Singleton
class SignUpService {

    private final AgentService agents;
    private final PasswordHasher hasher;
    private final SessionService sessions;
    private final TransactionOperations<Connection> transactions;
    private final RateLimiter limiter;
    private final RateLimit perAddress;

    SignUpService(AgentService agents, PasswordHasher hasher, SessionService sessions, TransactionOperations<Connection> transactions,
                  RateLimiter limiter, @Named("signup-address") RateLimit perAddress) {
        this.agents = agents;
        this.hasher = hasher;
        this.sessions = sessions;
        this.transactions = transactions;
        this.limiter = limiter;
        this.perAddress = perAddress;
    }

    TokenResponse signUp(SignupRequest request, String clientAddress, String language) {
        limiter.acquire(perAddress, clientAddress);
        agents.requireEmailFree(request.email());
        String hash = hasher.hash(request.password());
        return transactions.executeWrite(status -> sessions.start(agents.register(request.email(), request.name(), hash, language)));
    }
}
