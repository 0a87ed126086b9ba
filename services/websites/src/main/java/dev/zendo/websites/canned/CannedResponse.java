package dev.zendo.websites.canned;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A canned response as stored.
 *
 * @param id        its id
 * @param websiteId the website
 * @param shortcut  what agents type to find it, unique in the website regardless of case
 * @param text      the reply it inserts
 * @param createdBy the agent who created it
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
@MappedEntity("canned_responses")
record CannedResponse(@Id UUID id, UUID websiteId, String shortcut, String text, String createdBy, Instant createdAt,
                      Instant updatedAt) {

    CannedResponse with(String newShortcut, String newText, Instant now) {
        return new CannedResponse(id, websiteId, newShortcut, newText, createdBy, createdAt, now);
    }
}
