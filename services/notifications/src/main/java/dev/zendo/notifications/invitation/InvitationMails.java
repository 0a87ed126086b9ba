package dev.zendo.notifications.invitation;

import dev.zendo.events.v1.Envelope;
import dev.zendo.events.v1.InvitationCreated;
import dev.zendo.inbox.EventHandler;
import dev.zendo.notifications.NotificationsSettings;
import dev.zendo.notifications.access.Role;
import dev.zendo.notifications.render.MailBody;
import dev.zendo.notifications.render.MailTexts;
import dev.zendo.notifications.replica.Websites;
import dev.zendo.notifications.routing.Notification;
import dev.zendo.notifications.routing.NotificationKind;
import dev.zendo.notifications.routing.Notifier;
import dev.zendo.notifications.routing.Recipient;
import dev.zendo.notifications.routing.Sources;
import dev.zendo.notifications.seal.SealedSecrets;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.zendo.inbox.EventFields.required;
import static dev.zendo.inbox.EventFields.uuid;

/**
 * Mails an invitation to the invited address, with the accept link built from the token websites sealed for this
 * service. The mail is in the website's widget language; an invitation whose token cannot be opened is recorded as
 * suppressed with its reason and the pipeline moves on.
 */
@Singleton
class InvitationMails implements EventHandler {

    /** The HPKE context info websites seals invitation tokens with. */
    static final String CONTEXT_INFO = "zendo.websites.InvitationCreated.sealed_token";

    private final NotificationsSettings settings;
    private final SealedSecrets secrets;
    private final Websites websites;
    private final MailTexts texts;
    private final Notifier notifier;

    InvitationMails(NotificationsSettings settings, SealedSecrets secrets, Websites websites, MailTexts texts, Notifier notifier) {
        this.settings = settings;
        this.secrets = secrets;
        this.websites = websites;
        this.texts = texts;
        this.notifier = notifier;
    }

    @Override
    public Set<String> topics() {
        return Set.of(settings.websitesTopic());
    }

    @Override
    public void handle(Envelope event, Connection connection) throws SQLException {
        if (event.getPayloadCase() != Envelope.PayloadCase.INVITATION_CREATED) {
            return;
        }
        InvitationCreated invitation = event.getInvitationCreated();
        UUID websiteId = uuid("website_id", invitation.getWebsiteId());
        Recipient recipient = new Recipient(null, required("invitee_email", invitation.getInviteeEmail()));
        Instant occurredAt = Sources.occurredAt(event);
        Optional<String> link = secrets.open(invitation.getSealedToken(), CONTEXT_INFO)
                .flatMap(token -> settings.link(invitation.getAcceptPathTemplate(), token));
        if (link.isEmpty()) {
            notifier.suppress(connection, websiteId, NotificationKind.INVITATION, event.getEventId(), occurredAt, recipient,
                    "unopenable_secret");
            return;
        }
        String language = websites.find(connection, websiteId).map(Websites.Website::language).orElse("en");
        String website = invitation.getWebsiteName();
        String inviter = invitation.getInviterName().isBlank() ? invitation.getInviterEmail() : invitation.getInviterName();
        String role = texts.get(language, "role." + Role.of(invitation.getRole()).orElse(Role.AGENT).name().toLowerCase(Locale.ROOT));
        MailBody body = new MailBody()
                .paragraph(texts.get(language, "invitation.intro", inviter, invitation.getInviterEmail(), website, role))
                .button(texts.get(language, "invitation.button"), link.get())
                .paragraph(texts.get(language, "invitation.expiry", texts.dateTime(language, Sources.instant(invitation.getExpiresAt()))))
                .footer(texts.get(language, "footer.invitation", recipient.email()));
        notifier.send(connection, new Notification(websiteId, NotificationKind.INVITATION, event.getEventId(), occurredAt,
                recipient, body.render(texts.get(language, "invitation.subject", inviter, website)), null));
    }
}
