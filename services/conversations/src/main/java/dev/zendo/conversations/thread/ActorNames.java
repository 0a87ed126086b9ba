package dev.zendo.conversations.thread;

import dev.zendo.events.v1.Actor;
import dev.zendo.platform.jdbc.Sql;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.UUID;

/** The name system messages give a party: an agent's name from the replica, a visitor's name or label, a bot's name. */
@Singleton
class ActorNames {

    private final Sql sql;

    ActorNames(Sql sql) {
        this.sql = sql;
    }

    /** The party's display name; empty for the system and for parties the replica does not know. */
    Optional<String> of(Actor actor) {
        return switch (actor.getKind()) {
            case ACTOR_KIND_AGENT -> sql.one("SELECT name FROM replica_agents WHERE agent_id = ?", row -> row.getString(1), actor.getId());
            case ACTOR_KIND_VISITOR -> sql.one("SELECT coalesce(name, label) FROM visitors WHERE id = ?", row -> row.getString(1),
                    UUID.fromString(actor.getId()));
            case ACTOR_KIND_BOT -> Optional.of(actor.getId()).filter(name -> !name.isBlank());
            default -> Optional.empty();
        };
    }

    /** "Closed by Ana", or just "Closed" when the party has no name. */
    String line(String what, Actor actor) {
        return of(actor).map(name -> what + " by " + name).orElse(what);
    }
}
