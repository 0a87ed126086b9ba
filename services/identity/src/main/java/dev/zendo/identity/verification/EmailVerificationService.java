package dev.zendo.identity.verification;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.identity.accountmail.OneTimeSecrets;
import dev.zendo.identity.accountmail.SecretErrors;
import dev.zendo.identity.agent.Agent;
import dev.zendo.identity.agent.AgentRepository;
import dev.zendo.identity.agent.AgentService;
import dev.zendo.identity.agent.AgentView;
import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.ratelimit.RateLimit;
import dev.zendo.platform.ratelimit.RateLimiter;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Verifies agents' emails: a signed-in agent asks for a new link (limited per agent by
 * {@code zendo.rate-limits.email-verification-agent}), and whoever holds the link's token confirms it once.
 */
@Singleton
class EmailVerificationService {

    private final EmailVerificationRepository repository;
    private final AgentRepository agentRepository;
    private final AgentService agents;
    private final VerificationLinks links;
    private final RateLimiter limiter;
    private final RateLimit perAgent;
    private final Clock clock;

    EmailVerificationService(EmailVerificationRepository repository, AgentRepository agentRepository, AgentService agents,
                             VerificationLinks links, RateLimiter limiter, @Named("email-verification-agent") RateLimit perAgent,
                             Clock clock) {
        this.repository = repository;
        this.agentRepository = agentRepository;
        this.agents = agents;
        this.links = links;
        this.limiter = limiter;
        this.perAgent = perAgent;
        this.clock = clock;
    }

    /** A new link for the caller's current email, replacing the open one; 409 when the email is verified already. */
    @Transactional
    public VerificationSent resend(AuthenticatedAgent caller, String language) {
        Agent agent = agents.lockActive(caller);
        if (agent.emailVerified()) {
            throw ApiException.conflict("email_already_verified", "Your email address is verified already.");
        }
        limiter.acquire(perAgent, agent.id().toString());
        links.issue(agent, language);
        return new VerificationSent(agent.email());
    }

    /**
     * Verifies the email the token's link was sent to, once. The agent's row is locked before the link's, as
     * everywhere a link is written, so concurrent confirms and email changes queue instead of deadlocking.
     */
    @Transactional
    public AgentView confirm(String token) {
        String hash = OneTimeSecrets.hash(token);
        EmailVerification found = repository.findByTokenHash(hash).orElseThrow(SecretErrors::tokenNotFound);
        Agent agent = agentRepository.lockById(found.agentId()).filter(candidate -> !candidate.disabled())
                .orElseThrow(SecretErrors::tokenNotFound);
        EmailVerification link = repository.lockByTokenHash(hash).orElseThrow(SecretErrors::tokenNotFound);
        if (!link.expiresAt().isAfter(clock.instant())) {
            throw SecretErrors.tokenExpired();
        }
        if (!link.email().equals(agent.email())) {
            throw SecretErrors.tokenNotFound();
        }
        repository.deleteOf(agent.id());
        return AgentView.of(agents.verifyEmail(agent.id()));
    }
}
