package dev.zendo.conversations.message;

import dev.zendo.platform.http.ApiException;

/**
 * Makes text a client sent safe to store and show as plain text: line breaks become {@code \n}; control characters other
 * than newline and tab, lone UTF-16 surrogates, byte order marks and Unicode non-characters are removed; everything else
 * (emoji with their joiners, right-to-left text and its marks) is kept. Lengths count Unicode code points.
 */
public final class MessageText {

    /** The longest message body, in code points. */
    public static final int MAX_BODY = 10_000;

    private MessageText() {
    }

    /**
     * The cleaned text, or 400 naming {@code field} when nothing but whitespace is left or it has more than
     * {@code maxCodePoints} code points.
     */
    public static String require(String text, String field, int maxCodePoints) {
        String clean = text == null ? "" : clean(text);
        if (clean.isBlank()) {
            throw ApiException.invalid(field, "must not be empty");
        }
        return within(clean, field, maxCodePoints);
    }

    /** The cleaned text, null when nothing but whitespace is left, or 400 naming {@code field} when it is too long. */
    public static String optional(String text, String field, int maxCodePoints) {
        String clean = text == null ? "" : clean(text);
        return clean.isBlank() ? null : within(clean, field, maxCodePoints);
    }

    /** {@code text} without what must not be stored, line breaks normalised to {@code \n}. */
    public static String clean(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                if ((codePoint & 0xFFFE) != 0xFFFE) {
                    clean.appendCodePoint(codePoint);
                }
            } else if (c == '\r') {
                clean.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t' || keeps(c)) {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    private static boolean keeps(char c) {
        return !Character.isISOControl(c) && !Character.isSurrogate(c) && c != '\uFEFF'
                && c != '\uFFFE' && c != '\uFFFF' && (c < '\uFDD0' || c > '\uFDEF');
    }

    private static String within(String clean, String field, int maxCodePoints) {
        if (clean.codePointCount(0, clean.length()) > maxCodePoints) {
            throw ApiException.invalid(field, "must be at most " + maxCodePoints + " characters");
        }
        return clean;
    }
}
