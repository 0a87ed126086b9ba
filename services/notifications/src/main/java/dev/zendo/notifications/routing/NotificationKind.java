package dev.zendo.notifications.routing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a notification is about; the name, lower-cased, is its {@code kind} on the wire and in the log. */
public enum NotificationKind {
    /** An invitation to join a website, to the invited address. */
    INVITATION,
    /** A link that verifies an agent's email address. */
    EMAIL_VERIFICATION,
    /** A link that resets an agent's password. */
    PASSWORD_RESET,
    /** A one-time sign-in code. */
    SIGN_IN_CODE,
    /** A webhook subscription was disabled after failing deliveries, to the website's owners and admins. */
    WEBHOOK_DISABLED,
    /** A visitor started a conversation, for members who opted in. */
    NEW_CONVERSATION,
    /** A conversation was assigned to the recipient by someone else, for members who opted in. */
    ASSIGNMENT,
    /** A visitor left a message through the offline form, for members (of the thread's group, if any) who did not opt out. */
    OFFLINE_MESSAGE,
    /** Agents' replies the visitor did not read within the configured delay, to the visitor's address. */
    MISSED_REPLY,
    /** The transcript of a chat's thread, to the address the visitor asked it to go to, once the thread ended. */
    TRANSCRIPT;

    /** The name on the wire and in the log. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a wire name; empty for none. */
    public static Optional<NotificationKind> ofWire(String wire) {
        return Arrays.stream(values()).filter(kind -> kind.wire().equals(wire)).findFirst();
    }
}
