package dev.zendo.notifications.render;

/** Escapes text for HTML element content and attribute values. */
final class Html {

    private Html() {
    }

    /** {@code text} with every character that means something in HTML replaced by its entity. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }

    /** {@code text} escaped, its line breaks kept as {@code <br>}. */
    static String text(String text) {
        return escape(text.strip()).replaceAll("\\r?\\n", "<br>");
    }
}
