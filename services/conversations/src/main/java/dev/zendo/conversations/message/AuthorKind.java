package dev.zendo.conversations.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.zendo.events.v1.ActorKind;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** Who wrote a message: the visitor, an agent, Zendo itself, or a customer's bot through the server API. */
@Serdeable
public enum AuthorKind {
    @JsonProperty("visitor")
    VISITOR,
    @JsonProperty("agent")
    AGENT,
    @JsonProperty("system")
    SYSTEM,
    @JsonProperty("bot")
    BOT;

    /** The API spelling, as {@link JsonProperty} names it: lower case. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The same party in event contracts. */
    public ActorKind toEvent() {
        return ActorKind.valueOf("ACTOR_KIND_" + name());
    }

    /** The author kind of an event actor. */
    public static AuthorKind of(ActorKind kind) {
        return valueOf(kind.name().substring("ACTOR_KIND_".length()));
    }
}
