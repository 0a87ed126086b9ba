package dev.zendo.identity.auth;

import dev.zendo.identity.agent.AgentService;
import dev.zendo.identity.password.PasswordHasher;
import dev.zendo.identity.token.SessionService;
import dev.zendo.identity.token.TokenResponse;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;

/** Registers an agent and signs it in, in one transaction: agent, event and session are written together or not at all. */
@Singleton
class SignUpService {

    private final AgentService agents;
    private final PasswordHasher hasher;
    private final SessionService sessions;
    private final TransactionOperations<Connection> transactions;

    SignUpService(AgentService agents, PasswordHasher hasher, SessionService sessions, TransactionOperations<Connection> transactions) {
        this.agents = agents;
        this.hasher = hasher;
        this.sessions = sessions;
        this.transactions = transactions;
    }

    TokenResponse signUp(SignupRequest request) {
        String hash = hasher.hash(request.password());
        return transactions.executeWrite(status -> sessions.start(agents.register(request.email(), request.name(), hash)));
    }
}
