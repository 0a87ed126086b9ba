package dev.zendo.conversations.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.UUID;

/**
 * The visitor, as its widget sees it.
 *
 * @param id       its id
 * @param label    its readable label ("Brave Otter 42")
 * @param name     its name, when known
 * @param email    its verified email, or else the one it gave
 * @param verified whether a user token of the host site vouched for it
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record VisitorView(UUID id, String label, @Nullable String name, @Nullable String email, boolean verified) {

    static VisitorView of(VisitorRow visitor) {
        return new VisitorView(visitor.id(), visitor.label(), visitor.name(),
                visitor.email() != null ? visitor.email() : visitor.claimedEmail(), visitor.verified());
    }
}
