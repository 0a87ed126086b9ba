package dev.zendo.platform.http;

import java.util.Optional;

/**
 * What no text a client sends may contain, in a body or a parameter: characters PostgreSQL cannot store (NUL), lone
 * UTF-16 surrogates, control characters other than tab and line breaks, a byte order mark and Unicode non-characters.
 */
final class TextPolicy {

    private TextPolicy() {
    }

    /** Why {@code text} is refused, or empty when it is acceptable. */
    static Optional<String> problem(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return Optional.of("must not contain a NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                if ((codePoint & 0xFFFE) == 0xFFFE) {
                    return Optional.of("must not contain a Unicode non-character");
                }
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain a lone UTF-16 surrogate");
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of("must not contain control characters");
            } else if (c == '\uFEFF') {
                return Optional.of("must not contain a byte order mark");
            } else if (c == '\uFFFE' || c == '\uFFFF' || c >= '\uFDD0' && c <= '\uFDEF') {
                return Optional.of("must not contain a Unicode non-character");
            }
        }
        return Optional.empty();
    }
}
