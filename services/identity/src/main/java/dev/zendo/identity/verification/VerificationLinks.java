package dev.zendo.identity.verification;

import dev.zendo.identity.accountmail.AccountMailEvents;
import dev.zendo.identity.accountmail.AccountMailSettings;
import dev.zendo.identity.accountmail.OneTimeSecrets;
import dev.zendo.identity.agent.Agent;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/**
 * Issues an email verification link for an agent's current email, in the caller's transaction (which must hold the
 * agent's row lock or have just created it): the token's hash replaces the agent's open one, and the token goes,
 * sealed, into the event the notifications service mails.
 */
@Singleton
public class VerificationLinks {

    private final EmailVerificationRepository repository;
    private final AccountMailEvents events;
    private final AccountMailSettings settings;
    private final Clock clock;

    VerificationLinks(EmailVerificationRepository repository, AccountMailEvents events, AccountMailSettings settings, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    public void issue(Agent agent, String language) {
        String token = OneTimeSecrets.newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.verificationTtl());
        repository.replace(agent.id(), agent.email(), OneTimeSecrets.hash(token), now, expiresAt);
        events.verificationRequested(agent, token, expiresAt, language);
    }
}
