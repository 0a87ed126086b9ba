package dev.zendo.conversations.message;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** What a message is: text between visitor and agents, an agents-only note, or a system line ("Ana joined"). */
@Serdeable
public enum MessageKind {
    TEXT, NOTE, SYSTEM;

    /** The API spelling: lower case. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The same kind in event contracts. */
    public dev.zendo.events.v1.MessageKind toEvent() {
        return dev.zendo.events.v1.MessageKind.valueOf("MESSAGE_KIND_" + name());
    }
}
