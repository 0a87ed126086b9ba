package dev.zendo.notifications.routing;

/** What a notification is about; the name, lower-cased, is its {@code kind} on the wire and in the log. */
public enum NotificationKind {
    /** An invitation to join a website, to the invited address. */
    INVITATION(true),
    /** A link that verifies an agent's email address. */
    EMAIL_VERIFICATION(true),
    /** A link that resets an agent's password. */
    PASSWORD_RESET(true),
    /** A one-time sign-in code. */
    SIGN_IN_CODE(true);

    private final boolean security;

    NotificationKind(boolean security) {
        this.security = security;
    }

    /** Whether the mail is about the recipient's account or access: sent regardless of preferences, never unsubscribable. */
    public boolean security() {
        return security;
    }

    /** The name on the wire and in the log. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
