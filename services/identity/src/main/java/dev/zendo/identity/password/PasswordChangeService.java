package dev.zendo.identity.password;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.identity.agent.Agent;
import dev.zendo.identity.agent.AgentService;
import dev.zendo.identity.token.SessionService;
import dev.zendo.identity.token.TokenResponse;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;

/** Changes an agent's password: every session is revoked and the caller gets a fresh one. */
@Singleton
public class PasswordChangeService {

    private final AgentService agents;
    private final PasswordConfirmation confirmation;
    private final PasswordHasher hasher;
    private final SessionService sessions;
    private final TransactionOperations<Connection> transactions;

    PasswordChangeService(AgentService agents, PasswordConfirmation confirmation, PasswordHasher hasher, SessionService sessions,
                    TransactionOperations<Connection> transactions) {
        this.agents = agents;
        this.confirmation = confirmation;
        this.hasher = hasher;
        this.sessions = sessions;
        this.transactions = transactions;
    }

    public TokenResponse change(AuthenticatedAgent caller, PasswordChange change, String clientAddress) {
        Agent agent = agents.active(caller);
        confirmation.confirm(agent, change.currentPassword(), "current_password", clientAddress);
        String hash = hasher.hash(change.newPassword());
        return transactions.executeWrite(status -> sessions.start(agents.changePassword(agent.id(), hash)));
    }
}
