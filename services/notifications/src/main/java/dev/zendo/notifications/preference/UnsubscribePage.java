package dev.zendo.notifications.preference;

import dev.zendo.notifications.render.Html;
import dev.zendo.notifications.render.MailTexts;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The pages of an unsubscribe link (confirm, done, or the link no longer works) in the reader's language; only a
 * member's pages point to notification preferences (visitors have none).
 */
@Singleton
class UnsubscribePage {

    private final MailTexts texts;

    UnsubscribePage(MailTexts texts) {
        this.texts = texts;
    }

    /**
     * The language of a page about {@code found}: the first language of {@code acceptLanguage} mails are written in,
     * else the website's, else the fallback.
     */
    static String language(Optional<Unsubscribes.Unsubscription> found, @Nullable String acceptLanguage) {
        return MailTexts.accepted(acceptLanguage)
                .orElseGet(() -> MailTexts.language(found.map(Unsubscribes.Unsubscription::websiteLanguage).orElse(null)));
    }

    /** Asks to confirm turning off what {@code found} names; the button posts to {@code action}. */
    String confirm(Unsubscribes.Unsubscription found, String action, String language) {
        return page(language, texts.get(language, "unsubscribe_page.confirm.title"),
                "<p>" + texts.get(language, "unsubscribe_page.confirm.question", what(found, language), website(found)) + "</p>"
                + "<form method=\"post\" action=\"" + Html.escape(action) + "\">"
                + "<button type=\"submit\" style=\"padding:10px 18px;background:#0969da;color:#fff;border:0;border-radius:6px;"
                + "font-weight:600;cursor:pointer\">" + Html.escape(texts.get(language, "unsubscribe_page.confirm.button")) + "</button></form>"
                + (found.agentId() != null
                        ? "<p style=\"color:#57606a;font-size:13px\">" + Html.escape(texts.get(language, "unsubscribe_page.again")) + "</p>"
                        : ""));
    }

    /** Says what was turned off. */
    String done(Unsubscribes.Unsubscription found, String language) {
        return page(language, texts.get(language, "unsubscribe_page.done.title"),
                "<p>" + texts.get(language, "unsubscribe_page.done.text", what(found, language), website(found))
                + (found.agentId() != null ? " " + Html.escape(texts.get(language, "unsubscribe_page.again")) : "") + "</p>");
    }

    /** Says the link is unknown or expired; a member's expired link also points to the preferences. */
    String expired(Optional<Unsubscribes.Unsubscription> found, String language) {
        boolean member = found.map(Unsubscribes.Unsubscription::agentId).isPresent();
        return page(language, texts.get(language, "unsubscribe_page.expired.title"),
                "<p>" + Html.escape(texts.get(language, "unsubscribe_page.expired.text"))
                + (member ? " " + Html.escape(texts.get(language, "unsubscribe_page.expired.preferences")) : "") + "</p>");
    }

    private String what(Unsubscribes.Unsubscription found, String language) {
        return Html.escape(switch (found.kind()) {
            case NEW_CONVERSATION, ASSIGNMENT, OFFLINE_MESSAGE, MISSED_REPLY, TRANSCRIPT -> texts.get(language, "unsubscribe_page.what." + found.kind().wire());
            default -> found.kind().wire();
        });
    }

    private static String website(Unsubscribes.Unsubscription found) {
        return "<strong>" + Html.escape(found.websiteName()) + "</strong>";
    }

    private static String page(String language, String title, String body) {
        return "<!DOCTYPE html><html lang=\"" + language + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<meta name=\"referrer\" content=\"no-referrer\"><title>" + Html.escape(title) + "</title></head>"
                + "<body style=\"font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;max-width:480px;margin:48px auto;"
                + "padding:0 16px;color:#1f2328\"><h1 style=\"font-size:20px\">" + Html.escape(title) + "</h1>" + body + "</body></html>";
    }
}
