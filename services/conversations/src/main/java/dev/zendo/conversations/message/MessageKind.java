package dev.zendo.conversations.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** What a message is: text between visitor and agents, an agents-only note, or a system line ("Ana joined"). */
@Serdeable
public enum MessageKind {
    @JsonProperty("text")
    TEXT,
    @JsonProperty("note")
    NOTE,
    @JsonProperty("system")
    SYSTEM;

    /** The same kind in event contracts. */
    public dev.zendo.events.v1.MessageKind toEvent() {
        return dev.zendo.events.v1.MessageKind.valueOf("MESSAGE_KIND_" + name());
    }
}
