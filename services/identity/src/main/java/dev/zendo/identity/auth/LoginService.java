package dev.zendo.identity.auth;

import dev.zendo.identity.agent.Agent;
import dev.zendo.identity.agent.AgentService;
import dev.zendo.identity.password.PasswordHasher;
import dev.zendo.identity.throttle.LoginThrottle;
import dev.zendo.identity.token.SessionService;
import dev.zendo.identity.token.TokenResponse;
import dev.zendo.platform.http.ApiException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Signs agents in. Every failure (unknown email, wrong password, disabled agent) costs one password check and
 * gets the same answer, so the answer never tells whether an email is registered.
 */
@Singleton
class LoginService {

    private final AgentService agents;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SessionService sessions;

    LoginService(AgentService agents, PasswordHasher hasher, LoginThrottle throttle, SessionService sessions) {
        this.agents = agents;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    TokenResponse logIn(LoginRequest request, String clientAddress) {
        throttle.attempt(request.email(), clientAddress);
        Optional<Agent> agent;
        boolean matches;
        try {
            agent = agents.findByEmail(request.email());
            matches = hasher.matches(request.password(), agent.map(Agent::passwordHash));
        } catch (RuntimeException e) {
            throttle.unchecked(request.email(), clientAddress);
            throw e;
        }
        if (!matches || agent.get().disabled()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_credentials", "The email or password is not correct.");
        }
        throttle.succeeded(request.email(), clientAddress);
        return sessions.start(agent.get());
    }
}
