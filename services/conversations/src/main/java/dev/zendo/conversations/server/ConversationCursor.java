package dev.zendo.conversations.server;

import dev.zendo.platform.http.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of conversations ends, in their order (latest message first, then id): opaque to clients, who pass
 * back the {@code next_cursor} they were given.
 *
 * @param lastMessageAt the last conversation's {@code last_message_at}
 * @param id            the last conversation's id
 */
record ConversationCursor(Instant lastMessageAt, UUID id) {

    private static final char SEPARATOR = '|';

    /** The cursor a client got, or a 400 naming {@code cursor} when it is none this API gave. */
    static ConversationCursor parse(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int at = text.indexOf(SEPARATOR);
            return new ConversationCursor(Instant.parse(text.substring(0, at)), UUID.fromString(text.substring(at + 1)));
        } catch (RuntimeException e) {
            throw ApiException.invalid("cursor: is not a cursor this API gave");
        }
    }

    /** The opaque text form. */
    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((lastMessageAt.toString() + SEPARATOR + id).getBytes(StandardCharsets.UTF_8));
    }
}
