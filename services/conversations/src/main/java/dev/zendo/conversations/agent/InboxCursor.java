package dev.zendo.conversations.agent;

import dev.zendo.platform.http.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where an inbox page ended: the last item's {@code (last_message_at, id)}, the keyset the next page starts after.
 * On the wire it is opaque (base64url).
 *
 * @param lastMessageAt the last item's latest activity
 * @param id            the last item's conversation id
 */
record InboxCursor(Instant lastMessageAt, UUID id) {

    private static final String SEPARATOR = "|";

    /** The opaque form given to the client as {@code next_cursor}. */
    String encode() {
        String plain = lastMessageAt + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; null for none, 400 naming {@code cursor} for anything this API did not give. */
    static InboxCursor decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = plain.indexOf(SEPARATOR);
            UUID id = UUID.fromString(plain.substring(separator + 1));
            if (separator < 0 || !id.toString().equals(plain.substring(separator + 1))) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new InboxCursor(Instant.parse(plain.substring(0, separator)), id);
        } catch (RuntimeException e) {
            throw ApiException.invalid("cursor: must be a next_cursor this list returned");
        }
    }
}
