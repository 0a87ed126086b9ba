package dev.zendo.conversations.search;

import dev.zendo.platform.http.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where a results page ends, opaque to clients: the last hit's rank and key. The next page starts strictly after it in
 * (rank descending, key descending) order, so pages never repeat or skip a hit whatever is written meanwhile.
 *
 * @param rank the last hit's rank
 * @param key  the last hit's key: {@code m} or {@code v} then the message's or visitor's id
 */
record SearchCursor(float rank, String key) {

    private static final Pattern KEY = Pattern.compile("[mv][0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** The cursor a client sent; 400 when it is not one this service made. */
    static SearchCursor parse(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            float rank = Float.parseFloat(text.substring(0, bar));
            String key = text.substring(bar + 1);
            if (!Float.isFinite(rank) || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException(text);
            }
            return new SearchCursor(rank, key);
        } catch (RuntimeException e) {
            throw ApiException.invalid("cursor is not a cursor this search returned");
        }
    }

    /** The opaque form. */
    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((rank + "|" + key).getBytes(StandardCharsets.UTF_8));
    }
}
