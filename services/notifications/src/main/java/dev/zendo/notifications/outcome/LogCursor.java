package dev.zendo.notifications.outcome;

import dev.zendo.platform.http.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of the log ends, in its order (newest first, then id): opaque to clients, who pass back the
 * {@code next_cursor} they were given.
 *
 * @param createdAt the page's last notification's {@code created_at}
 * @param id        the page's last notification's id
 */
record LogCursor(Instant createdAt, UUID id) {

    private static final char SEPARATOR = '|';

    /** The cursor a client got, or a 400 naming {@code cursor} when it is none this API gave. */
    static LogCursor parse(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int at = text.indexOf(SEPARATOR);
            return new LogCursor(Instant.parse(text.substring(0, at)), UUID.fromString(text.substring(at + 1)));
        } catch (RuntimeException e) {
            throw ApiException.invalid("cursor", "is not a cursor this API gave");
        }
    }

    /** The opaque text form. */
    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((createdAt.toString() + SEPARATOR + id).getBytes(StandardCharsets.UTF_8));
    }
}
