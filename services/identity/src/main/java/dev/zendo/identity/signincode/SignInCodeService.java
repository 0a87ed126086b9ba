package dev.zendo.identity.signincode;

import dev.zendo.identity.accountmail.AccountMailEvents;
import dev.zendo.identity.accountmail.AccountMailSettings;
import dev.zendo.identity.accountmail.MailRequests;
import dev.zendo.identity.accountmail.OneTimeSecrets;
import dev.zendo.identity.agent.Agent;
import dev.zendo.identity.agent.AgentRepository;
import dev.zendo.identity.agent.AgentService;
import dev.zendo.identity.throttle.LoginThrottle;
import dev.zendo.identity.token.SessionService;
import dev.zendo.identity.token.TokenResponse;
import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.ratelimit.RateLimit;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-in by emailed code. A request is limited per client address and per email ({@code zendo.rate-limits.sign-in-code-address},
 * {@code sign-in-code-email}) and answered alike for every email; for an enabled agent it writes a salted hash of six
 * random digits and the event carrying them sealed for notifications. A code works once, and is burned after
 * {@code zendo.identity.account-mail.sign-in-code-max-failures} wrong tries; tries are throttled like password sign-ins.
 */
@Singleton
class SignInCodeService {

    private final SignInCodeRepository repository;
    private final AgentRepository agentRepository;
    private final AgentService agents;
    private final SessionService sessions;
    private final AccountMailEvents events;
    private final AccountMailSettings settings;
    private final MailRequests mailRequests;
    private final TransactionOperations<Connection> transactions;
    private final LoginThrottle throttle;
    private final RateLimit perEmail;
    private final RateLimit perAddress;
    private final Clock clock;

    SignInCodeService(SignInCodeRepository repository, AgentRepository agentRepository, AgentService agents, SessionService sessions,
                      AccountMailEvents events, AccountMailSettings settings, MailRequests mailRequests,
                      TransactionOperations<Connection> transactions, LoginThrottle throttle,
                      @Named("sign-in-code-email") RateLimit perEmail, @Named("sign-in-code-address") RateLimit perAddress, Clock clock) {
        this.repository = repository;
        this.agentRepository = agentRepository;
        this.agents = agents;
        this.sessions = sessions;
        this.events = events;
        this.settings = settings;
        this.mailRequests = mailRequests;
        this.transactions = transactions;
        this.throttle = throttle;
        this.perEmail = perEmail;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    void request(String email, String clientAddress, String language) {
        mailRequests.submit("sign-in code", email, clientAddress, perEmail, perAddress, agent -> issue(agent, language));
    }

    private void issue(Agent agent, String language) {
        String code = OneTimeSecrets.newCode();
        String salt = OneTimeSecrets.newSalt();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.signInCodeTtl());
        repository.replace(agent.id(), salt, OneTimeSecrets.hash(salt, code), now, expiresAt);
        events.signInCodeRequested(agent, code, expiresAt, language);
    }

    /** A new session for the agent whose open code {@code code} is; the code is used up, and the email verified. */
    TokenResponse verify(SignInCodeVerification verification, String clientAddress) {
        throttle.attempt(verification.email(), clientAddress);
        Optional<TokenResponse> session;
        try {
            session = transactions.executeWrite(status -> check(verification.email(), verification.code()));
        } catch (RuntimeException e) {
            throttle.unchecked(verification.email(), clientAddress);
            throw e;
        }
        if (session.isEmpty()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_code", "The code is not correct or no longer valid: ask for a new one.");
        }
        throttle.succeeded(verification.email(), clientAddress);
        return session.get();
    }

    /** Empty when the code is not the agent's open one; a wrong code counts against the open one, and burns it at the limit. */
    private Optional<TokenResponse> check(String email, String code) {
        Optional<Agent> agent = agentRepository.lockEnabledByEmail(email);
        Optional<SignInCode> open = agent.flatMap(found -> repository.lockOf(found.id()))
                .filter(stored -> stored.expiresAt().isAfter(clock.instant()));
        if (open.isEmpty()) {
            return Optional.empty();
        }
        SignInCode stored = open.get();
        if (!OneTimeSecrets.sameHash(OneTimeSecrets.hash(stored.salt(), code), stored.codeHash())) {
            if (stored.failedAttempts() + 1 >= settings.signInCodeMaxFailures()) {
                repository.deleteOf(stored.agentId());
            } else {
                repository.countFailure(stored.agentId());
            }
            return Optional.empty();
        }
        repository.deleteOf(stored.agentId());
        return Optional.of(sessions.start(agents.verifyEmail(stored.agentId())));
    }
}
