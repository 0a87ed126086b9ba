package dev.zendo.identity.accountmail;

import dev.zendo.identity.reset.PasswordResetRepository;
import dev.zendo.identity.signincode.SignInCodeRepository;
import dev.zendo.identity.verification.EmailVerificationRepository;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * Deletes the secrets an agent's account mails carry when its credentials change, in the transaction of the change: a
 * reset link or sign-in code never outlives the password or the address it was sent for, nor a verification link the
 * address it verifies.
 */
@Singleton
public class OpenSecrets {

    private final PasswordResetRepository resets;
    private final SignInCodeRepository codes;
    private final EmailVerificationRepository verifications;

    OpenSecrets(PasswordResetRepository resets, SignInCodeRepository codes, EmailVerificationRepository verifications) {
        this.resets = resets;
        this.codes = codes;
        this.verifications = verifications;
    }

    /** The agent's password changed: its open reset link and sign-in code stop working. */
    public void passwordChanged(UUID agentId) {
        resets.deleteOf(agentId);
        codes.deleteOf(agentId);
    }

    /** The agent's email changed: its open reset link, sign-in code and verification link of the old address stop working. */
    public void emailChanged(UUID agentId) {
        passwordChanged(agentId);
        verifications.deleteOf(agentId);
    }
}
