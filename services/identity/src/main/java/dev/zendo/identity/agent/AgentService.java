package dev.zendo.identity.agent;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.identity.accountmail.OpenSecrets;
import dev.zendo.identity.token.RefreshTokenService;
import dev.zendo.identity.verification.VerificationLinks;
import dev.zendo.platform.http.ApiException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Agents' lifecycle: registration, profile and password changes, email verification, disabling; each change
 * publishes its event. A new or changed email is unverified and gets a verification link in the same transaction.
 */
@Singleton
public class AgentService {

    private static final String UNIQUE_VIOLATION = "23505";

    private final AgentRepository repository;
    private final AgentEvents events;
    private final RefreshTokenService refreshTokens;
    private final VerificationLinks verificationLinks;
    private final OpenSecrets openSecrets;
    private final Clock clock;

    AgentService(AgentRepository repository, AgentEvents events, RefreshTokenService refreshTokens,
                 VerificationLinks verificationLinks, OpenSecrets openSecrets, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.refreshTokens = refreshTokens;
        this.verificationLinks = verificationLinks;
        this.openSecrets = openSecrets;
        this.clock = clock;
    }

    /** The agent behind a verified access token; 401 once it was disabled. */
    public Agent active(AuthenticatedAgent caller) {
        return repository.findById(idOf(caller))
                .filter(agent -> !agent.disabled())
                .orElseThrow(AgentService::unauthorized);
    }

    /** Like {@link #active}, with the agent's row locked until the transaction ends. */
    public Agent lockActive(AuthenticatedAgent caller) {
        return lock(idOf(caller));
    }

    private static UUID idOf(AuthenticatedAgent caller) {
        try {
            return UUID.fromString(caller.id());
        } catch (IllegalArgumentException e) {
            throw unauthorized();
        }
    }

    public Optional<Agent> findByEmail(String email) {
        return repository.findByEmail(email);
    }

    /** Returns when no agent uses {@code email}; 409 {@code email_taken} otherwise. */
    public void requireEmailFree(String email) {
        if (repository.existsByEmail(email)) {
            throw emailTaken();
        }
    }

    /**
     * A new agent with an unverified email, and a verification link mailed in {@code language}; 409
     * {@code email_taken} when the email belongs to another.
     */
    @Transactional
    public Agent register(String email, String name, String passwordHash, String language) {
        requireEmailFree(email);
        Agent agent = uniqueEmail(() -> repository.save(Agent.create(email, name, passwordHash, clock.instant())));
        events.registered(agent);
        verificationLinks.issue(agent, language);
        return agent;
    }

    /**
     * Applies the non-null parts of {@code change}; publishes {@code agent.updated} when something changed. A changed
     * email is unverified and gets a verification link mailed in {@code language}; the agent's open reset link, sign-in
     * code and verification link of the old address stop working.
     */
    @Transactional
    public Agent changeProfile(UUID id, ProfileChange change, String language) {
        Agent current = lock(id);
        String email = Objects.requireNonNullElse(change.email(), current.email());
        String name = Objects.requireNonNullElse(change.name(), current.name());
        String avatarUrl = change.avatarUrl() == null ? current.avatarUrl() : change.avatarUrl().isEmpty() ? null : change.avatarUrl();
        if (email.equals(current.email()) && name.equals(current.name()) && Objects.equals(avatarUrl, current.avatarUrl())) {
            return current;
        }
        if (!email.equals(current.email()) && repository.existsByEmail(email)) {
            throw emailTaken();
        }
        Agent changed = uniqueEmail(() -> repository.update(current.withProfile(email, name, avatarUrl, clock.instant())));
        events.updated(changed);
        if (!email.equals(current.email())) {
            openSecrets.emailChanged(id);
            verificationLinks.issue(changed, language);
        }
        return changed;
    }

    /** Stores a new password hash, revokes every session and ends the open reset link and sign-in code. */
    @Transactional
    public Agent changePassword(UUID id, String passwordHash) {
        Agent changed = repository.update(lock(id).withPasswordHash(passwordHash, clock.instant()));
        refreshTokens.revokeAll(id);
        openSecrets.passwordChanged(id);
        return changed;
    }

    /**
     * Sets a password chosen through a reset link: every session is revoked, the reset link and any sign-in code are
     * ended, and the email counts as verified since the link reached its mailbox.
     */
    @Transactional
    public Agent resetPassword(UUID id, String passwordHash) {
        repository.update(lock(id).withPasswordHash(passwordHash, clock.instant()));
        refreshTokens.revokeAll(id);
        openSecrets.passwordChanged(id);
        return verifyEmail(id);
    }

    /** Marks the agent's current email verified; publishes {@code agent.updated} when it was not. */
    @Transactional
    public Agent verifyEmail(UUID id) {
        Agent current = lock(id);
        if (current.emailVerified()) {
            return current;
        }
        Agent verified = repository.update(current.withEmailVerified(clock.instant()));
        events.updated(verified);
        return verified;
    }

    /** Disables the agent for good: sign-in is refused, every session revoked, {@code agent.disabled} published. */
    @Transactional
    public void disable(UUID id) {
        Agent disabled = repository.update(lock(id).disable(clock.instant()));
        refreshTokens.revokeAll(id);
        events.disabled(disabled);
    }

    private Agent lock(UUID id) {
        return repository.lockById(id).filter(agent -> !agent.disabled()).orElseThrow(AgentService::unauthorized);
    }

    private static Agent uniqueEmail(Supplier<Agent> write) {
        try {
            return write.get();
        } catch (DataAccessException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    throw emailTaken();
                }
            }
            throw e;
        }
    }

    private static ApiException emailTaken() {
        return ApiException.conflict("email_taken", "Another agent already uses this email.");
    }

    private static ApiException unauthorized() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "A valid access token is required.");
    }
}
