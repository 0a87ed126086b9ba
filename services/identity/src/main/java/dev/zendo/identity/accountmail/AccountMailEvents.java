package dev.zendo.identity.accountmail;

import dev.zendo.events.v1.EmailVerificationRequested;
import dev.zendo.events.v1.PasswordResetRequested;
import dev.zendo.events.v1.SignInCodeRequested;
import dev.zendo.identity.agent.Agent;
import dev.zendo.identity.agent.AgentEvents;
import dev.zendo.outbox.Events;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * Appends the events the notifications service turns into account mails, in the caller's transaction; the secret
 * each carries is sealed for notifications.
 */
@Singleton
public class AccountMailEvents {

    private final AgentEvents events;
    private final NotificationsSealer sealer;
    private final AccountMailSettings settings;

    AccountMailEvents(AgentEvents events, NotificationsSealer sealer, AccountMailSettings settings) {
        this.events = events;
        this.sealer = sealer;
        this.settings = settings;
    }

    public void verificationRequested(Agent agent, String token, Instant expiresAt, String language) {
        events.append(agent, event -> event.setEmailVerificationRequested(EmailVerificationRequested.newBuilder()
                .setAgentId(agent.id().toString())
                .setEmail(agent.email())
                .setName(agent.name())
                .setSealedToken(sealer.seal(token, NotificationsSealer.VERIFICATION_TOKEN))
                .setVerifyPathTemplate(settings.verifyPathTemplate())
                .setExpiresAt(Events.timestamp(expiresAt))
                .setLanguage(language)));
    }

    public void passwordResetRequested(Agent agent, String token, Instant expiresAt, String language) {
        events.append(agent, event -> event.setPasswordResetRequested(PasswordResetRequested.newBuilder()
                .setAgentId(agent.id().toString())
                .setEmail(agent.email())
                .setName(agent.name())
                .setSealedToken(sealer.seal(token, NotificationsSealer.RESET_TOKEN))
                .setResetPathTemplate(settings.resetPathTemplate())
                .setExpiresAt(Events.timestamp(expiresAt))
                .setLanguage(language)));
    }

    public void signInCodeRequested(Agent agent, String code, Instant expiresAt, String language) {
        events.append(agent, event -> event.setSignInCodeRequested(SignInCodeRequested.newBuilder()
                .setAgentId(agent.id().toString())
                .setEmail(agent.email())
                .setName(agent.name())
                .setSealedCode(sealer.seal(code, NotificationsSealer.SIGN_IN_CODE))
                .setExpiresAt(Events.timestamp(expiresAt))
                .setLanguage(language)));
    }
}
