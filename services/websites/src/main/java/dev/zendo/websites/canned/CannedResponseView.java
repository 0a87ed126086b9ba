package dev.zendo.websites.canned;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.UUID;

/**
 * A canned response as members see it.
 *
 * @param id        its id
 * @param shortcut  what agents type to find it
 * @param text      the reply it inserts
 * @param createdBy the agent who created it
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CannedResponseView(UUID id, String shortcut, String text, String createdBy, Instant createdAt, Instant updatedAt) {

    static CannedResponseView of(CannedResponse response) {
        return new CannedResponseView(response.id(), response.shortcut(), response.text(), response.createdBy(),
                response.createdAt(), response.updatedAt());
    }
}
