package dev.zendo.notifications.preference;

import dev.zendo.notifications.render.Html;
import jakarta.inject.Singleton;

/** The pages of an unsubscribe link: confirm, done, or the link no longer works. */
@Singleton
class UnsubscribePage {

    private static final String WHAT_NEW_CONVERSATION = "mails about new conversations";
    private static final String WHAT_ASSIGNMENT = "mails when a conversation is assigned to you";
    private static final String WHAT_OFFLINE_MESSAGE = "mails about messages visitors leave while nobody is online";
    private static final String WHAT_MISSED_REPLY = "mails of replies you did not read in the chat";
    private static final String AGAIN = "You can turn them on again in your notification preferences for the website.";

    /** Asks to confirm turning off what {@code found} names; the button posts to {@code action}. */
    String confirm(Unsubscribes.Unsubscription found, String action) {
        return page("Unsubscribe", "<p>Stop " + Html.escape(what(found)) + " for <strong>" + Html.escape(found.websiteName())
                + "</strong>?</p><form method=\"post\" action=\"" + Html.escape(action) + "\">"
                + "<button type=\"submit\" style=\"padding:10px 18px;background:#0969da;color:#fff;border:0;border-radius:6px;"
                + "font-weight:600;cursor:pointer\">Unsubscribe</button></form>"
                + (found.agentId() != null ? "<p style=\"color:#57606a;font-size:13px\">" + AGAIN + "</p>" : ""));
    }

    /** Says what was turned off. */
    String done(Unsubscribes.Unsubscription found) {
        return page("Unsubscribed", "<p>You will no longer get " + Html.escape(what(found)) + " for <strong>"
                + Html.escape(found.websiteName()) + "</strong>." + (found.agentId() != null ? " " + AGAIN : "") + "</p>");
    }

    /** Says the link is unknown or expired. */
    String expired() {
        return page("Link expired", "<p>This unsubscribe link no longer works. Change which mails you get in your "
                + "notification preferences for the website.</p>");
    }

    private static String what(Unsubscribes.Unsubscription found) {
        return switch (found.kind()) {
            case NEW_CONVERSATION -> WHAT_NEW_CONVERSATION;
            case ASSIGNMENT -> WHAT_ASSIGNMENT;
            case OFFLINE_MESSAGE -> WHAT_OFFLINE_MESSAGE;
            case MISSED_REPLY -> WHAT_MISSED_REPLY;
            default -> found.kind().wire();
        };
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<meta name=\"referrer\" content=\"no-referrer\"><title>" + title + "</title></head>"
                + "<body style=\"font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;max-width:480px;margin:48px auto;"
                + "padding:0 16px;color:#1f2328\"><h1 style=\"font-size:20px\">" + title + "</h1>" + body + "</body></html>";
    }
}
