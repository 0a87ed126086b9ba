package dev.zendo.notifications.render;

/**
 * A mail ready for the queue: its subject and the same content as plain text and as HTML.
 *
 * @param subject one line
 * @param text    the plain-text part
 * @param html    the HTML part, every untrusted text escaped
 */
public record RenderedMail(String subject, String text, String html) {
}
