package dev.zendo.conversations.message;

import dev.zendo.events.v1.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Who wrote a message.
 *
 * @param kind visitor, agent, system or bot
 * @param id   the visitor's or agent's id, the bot's name; null for the system
 * @param name the display name when it was written (visitor label or name, agent name, bot name)
 */
@Serdeable
public record Author(AuthorKind kind, @Nullable String id, @Nullable String name) {

    /** Zendo itself, the author of system messages. */
    public static final Author SYSTEM = new Author(AuthorKind.SYSTEM, null, "Zendo");

    /** The author as an event actor. */
    public Actor toActor() {
        Actor.Builder actor = Actor.newBuilder().setKind(kind.toEvent());
        if (id != null) {
            actor.setId(id);
        }
        return actor.build();
    }
}
