package dev.zendo.conversations.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A message excerpt as plain text with the stretches that matched. PostgreSQL's {@code ts_headline} marks matches with
 * {@link #START} and {@link #STOP}, characters a stored message body never contains (control characters are stripped
 * on write), so no markup ever reaches the client: the markers become offsets. Its parser drops what looks like an HTML
 * tag, so the body goes in with {@code <} as {@link #LESS_THAN} and comes back whole.
 *
 * @param text       the excerpt, plain text
 * @param highlights the matched stretches
 */
record Snippet(String text, List<Highlight> highlights) {

    static final char START = '\u0001';
    static final char STOP = '\u0002';
    /** Stands for {@code <} inside {@code ts_headline}. */
    static final char LESS_THAN = '\u0003';
    /** The {@code ts_headline} options that produce the markers. */
    static final String OPTIONS = "StartSel=" + START + ", StopSel=" + STOP + ", MaxWords=35, MinWords=15";

    /** Splits a marked headline into text and highlights. */
    static Snippet of(String headline) {
        StringBuilder text = new StringBuilder(headline.length());
        List<Highlight> highlights = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < headline.length(); i++) {
            char c = headline.charAt(i);
            if (c == START) {
                start = text.length();
            } else if (c == STOP) {
                if (start >= 0 && text.length() > start) {
                    highlights.add(new Highlight(start, text.length()));
                }
                start = -1;
            } else {
                text.append(c == LESS_THAN ? '<' : c);
            }
        }
        return new Snippet(text.toString(), List.copyOf(highlights));
    }
}
