package dev.zendo.identity.password;

import dev.zendo.identity.agent.Agent;
import dev.zendo.identity.throttle.LoginThrottle;
import dev.zendo.platform.http.ApiException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Checks the password an agent gives to confirm a sensitive change, throttled like sign-in. */
@Singleton
public class PasswordConfirmation {

    private final PasswordHasher hasher;
    private final LoginThrottle throttle;

    PasswordConfirmation(PasswordHasher hasher, LoginThrottle throttle) {
        this.hasher = hasher;
        this.throttle = throttle;
    }

    /**
     * Returns when {@code password} is {@code agent}'s.
     *
     * @throws ApiException 403 {@code wrong_password} when it is not; 429 after too many failures
     */
    public void confirm(Agent agent, String password, String field, String clientAddress) {
        throttle.attempt(agent.email(), clientAddress);
        boolean matches;
        try {
            matches = hasher.matches(password, Optional.of(agent.passwordHash()));
        } catch (RuntimeException e) {
            throttle.unchecked(agent.email(), clientAddress);
            throw e;
        }
        if (!matches) {
            throw new ApiException(HttpStatus.FORBIDDEN, "wrong_password", "The password given in " + field + " is not correct.");
        }
        throttle.succeeded(agent.email(), clientAddress);
    }
}
