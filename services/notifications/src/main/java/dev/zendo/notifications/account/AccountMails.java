package dev.zendo.notifications.account;

import com.google.protobuf.Timestamp;
import dev.zendo.events.v1.Envelope;
import dev.zendo.inbox.EventHandler;
import dev.zendo.notifications.NotificationsSettings;
import dev.zendo.notifications.render.MailBody;
import dev.zendo.notifications.render.MailTexts;
import dev.zendo.notifications.render.RenderedMail;
import dev.zendo.notifications.routing.Notification;
import dev.zendo.notifications.routing.NotificationKind;
import dev.zendo.notifications.routing.Notifier;
import dev.zendo.notifications.routing.Recipient;
import dev.zendo.notifications.routing.Sources;
import dev.zendo.notifications.seal.SealedSecrets;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

import static dev.zendo.inbox.EventFields.required;

/**
 * Mails what identity asks for an agent's account: the link that verifies an email address, the link that resets a
 * password, and a one-time sign-in code, each opened from the secret identity sealed for this service, in the
 * language of the request. A secret that cannot be opened is recorded as suppressed and the pipeline moves on.
 */
@Singleton
class AccountMails implements EventHandler {

    private final NotificationsSettings settings;
    private final SealedSecrets secrets;
    private final MailTexts texts;
    private final Notifier notifier;

    AccountMails(NotificationsSettings settings, SealedSecrets secrets, MailTexts texts, Notifier notifier) {
        this.settings = settings;
        this.secrets = secrets;
        this.texts = texts;
        this.notifier = notifier;
    }

    @Override
    public Set<String> topics() {
        return Set.of(settings.identityTopic());
    }

    @Override
    public void handle(Envelope event, Connection connection) throws SQLException {
        switch (event.getPayloadCase()) {
            case AGENT_EMAIL_VERIFICATION_REQUESTED -> {
                var request = event.getAgentEmailVerificationRequested();
                linkMail(connection, event, new Account(request.getAgentId(), request.getEmail(), request.getName(), request.getLanguage()),
                        NotificationKind.EMAIL_VERIFICATION, "verification",
                        secrets.open(request.getSealedToken(), "zendo.identity.EmailVerificationRequested.sealed_token")
                                .flatMap(token -> settings.link(request.getVerifyPathTemplate(), token)),
                        request.getExpiresAt());
            }
            case AGENT_PASSWORD_RESET_REQUESTED -> {
                var request = event.getAgentPasswordResetRequested();
                linkMail(connection, event, new Account(request.getAgentId(), request.getEmail(), request.getName(), request.getLanguage()),
                        NotificationKind.PASSWORD_RESET, "reset",
                        secrets.open(request.getSealedToken(), "zendo.identity.PasswordResetRequested.sealed_token")
                                .flatMap(token -> settings.link(request.getResetPathTemplate(), token)),
                        request.getExpiresAt());
            }
            case AGENT_SIGN_IN_CODE_REQUESTED -> {
                var request = event.getAgentSignInCodeRequested();
                codeMail(connection, event, new Account(request.getAgentId(), request.getEmail(), request.getName(), request.getLanguage()),
                        secrets.open(request.getSealedCode(), "zendo.identity.SignInCodeRequested.sealed_code")
                                .filter(code -> code.matches("[0-9]{6}")),
                        request.getExpiresAt());
            }
            default -> {
            }
        }
    }

    private void linkMail(Connection connection, Envelope event, Account account, NotificationKind kind, String words,
                          Optional<String> link, Timestamp expiresAt) throws SQLException {
        if (link.isEmpty()) {
            unopenable(connection, event, account, kind);
            return;
        }
        String language = MailTexts.language(account.language());
        MailBody body = new MailBody()
                .paragraph(texts.get(language, words + ".intro", account.greeting(), account.email()))
                .button(texts.get(language, words + ".button"), link.get())
                .paragraph(texts.get(language, words + ".expiry", texts.dateTime(language, Sources.instant(expiresAt))))
                .footer(texts.get(language, "footer.account", account.email()));
        send(connection, event, account, kind, body.render(texts.get(language, words + ".subject")));
    }

    private void codeMail(Connection connection, Envelope event, Account account, Optional<String> code, Timestamp expiresAt)
            throws SQLException {
        if (code.isEmpty()) {
            unopenable(connection, event, account, NotificationKind.SIGN_IN_CODE);
            return;
        }
        String language = MailTexts.language(account.language());
        MailBody body = new MailBody()
                .paragraph(texts.get(language, "code.intro", account.greeting()))
                .code(code.get())
                .paragraph(texts.get(language, "code.expiry", texts.dateTime(language, Sources.instant(expiresAt))))
                .footer(texts.get(language, "footer.account", account.email()));
        send(connection, event, account, NotificationKind.SIGN_IN_CODE, body.render(texts.get(language, "code.subject", code.get())));
    }

    private void send(Connection connection, Envelope event, Account account, NotificationKind kind,
                      RenderedMail mail) throws SQLException {
        notifier.send(connection, new Notification(null, kind, event.getEventId(), Sources.occurredAt(event),
                account.recipient(), mail, null));
    }

    private void unopenable(Connection connection, Envelope event, Account account, NotificationKind kind) throws SQLException {
        notifier.suppress(connection, null, kind, event.getEventId(), Sources.occurredAt(event), account.recipient(), "unopenable_secret");
    }

    /** The agent a mail goes to, as the request names them. */
    private record Account(String agentId, String email, String name, String language) {

        Recipient recipient() {
            return new Recipient(required("agent_id", agentId), required("email", email));
        }

        String greeting() {
            return name.isBlank() ? email : name;
        }
    }
}
